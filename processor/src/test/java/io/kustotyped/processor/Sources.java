package io.kustotyped.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with the processor. The runtime is a test dependency of this module (never a main one), so
 * generated code compiles against the real runtime types on the test class path.
 */
final class Sources {

    private Sources() {}

    /** A source file from a string, named after {@code qualifiedName}. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** Compiles {@code sources} with the processor, against the runtime, under {@code -Xlint:all}. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(new KustoProcessor()), sources);
    }

    /** Compiles {@code sources} with {@code processors}, against the runtime, under {@code -Xlint:all}. */
    static Compilation compile(List<Processor> processors, JavaFileObject... sources) {
        return javac().withProcessors(processors)
                .withOptions("-Xlint:all", "-Xlint:-processing")
                .compile(sources);
    }
}

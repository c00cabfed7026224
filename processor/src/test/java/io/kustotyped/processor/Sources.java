package io.kustotyped.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with the processor. The processor must not depend on the runtime module, so the runtime's
 * contract (the types generated code uses, copied into test resources under {@code runtime-contract/}) is compiled
 * alongside, letting the generated code compile; integration-tests compiles against the real runtime.
 */
final class Sources {

    private static final String[] CONTRACT = {
        "io/kustotyped/runtime/ColumnDescriptor.java",
        "io/kustotyped/runtime/IngestOptions.java",
        "io/kustotyped/runtime/KustoClient.java",
        "io/kustotyped/runtime/TableSchema.java",
        "io/kustotyped/runtime/TableIngestor.java",
        "io/kustotyped/runtime/json/JsonOutput.java",
        "io/kustotyped/runtime/json/JsonRowWriter.java",
    };

    private Sources() {}

    /** A source file from a string, named after {@code qualifiedName}. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** Compiles {@code sources} with the processor, with the runtime contract, under {@code -Xlint:all}. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(new KustoProcessor()), sources);
    }

    /** Compiles {@code sources} with {@code processors}, with the runtime contract, under {@code -Xlint:all}. */
    static Compilation compile(List<Processor> processors, JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        for (String contract : CONTRACT) {
            all.add(JavaFileObjects.forResource("runtime-contract/" + contract));
        }
        return javac().withProcessors(processors)
                .withOptions("-Xlint:all", "-Xlint:-processing")
                .compile(all);
    }

    /** Compiles {@code sources} with the processor only: generated code does not resolve runtime types. */
    static Compilation compileWithoutRuntime(JavaFileObject... sources) {
        return javac().withProcessors(new KustoProcessor()).compile(sources);
    }
}

package io.kustotyped.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Golden test: everything generated for one representative table class ({@code golden/order/Order.java}: a record with
 * a renamed column, an epoch transform, an enum, primitives, a box with a type override, Optional/OptionalLong, a list
 * of nested records and a {@code Map<String, Object>}) equals the reviewed files in {@code golden/order/expected/}.
 *
 * <p>After an intended change, regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenTest {

    private static final Path EXPECTED = Path.of("src/test/resources/golden/order/expected");

    @Test
    void generatesTheReviewedSourcesAndScript() throws IOException {
        Compilation compilation = Sources.compile(JavaFileObjects.forResource("golden/order/Order.java"));

        // With the runtime contract on the path, the generated code compiles without a single warning (-Xlint:all).
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.diagnostics().stream()
                        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                        .count())
                .isEqualTo(0);

        for (String name : new String[] {"OrderJsonWriter", "OrderKustoSchema", "OrderRowReader", "OrderIngestor"}) {
            JavaFileObject generated =
                    compilation.generatedSourceFile("com.acme." + name).orElseThrow();
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(EXPECTED.resolve(name + ".java"), generated.getCharContent(true));
            }
            assertThat(compilation)
                    .generatedSourceFile("com.acme." + name)
                    .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/order/expected/" + name + ".java"));
            // Equivalent is not enough for a file users read: it must be byte for byte what was reviewed.
            assertThat(generated.getCharContent(true).toString())
                    .isEqualTo(Files.readString(EXPECTED.resolve(name + ".java")));
        }

        JavaFileObject script = compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kusto/Orders.kql")
                .orElseThrow();
        String text;
        try (InputStream in = script.openInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(EXPECTED.resolve("Orders.kql"), text);
        }
        assertThat(text).isEqualTo(Files.readString(EXPECTED.resolve("Orders.kql")));
    }
}

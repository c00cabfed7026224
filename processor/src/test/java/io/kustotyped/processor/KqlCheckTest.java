package io.kustotyped.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.kustotyped.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated {@code .kql} script passes Microsoft's official KQL parser ({@code shared/tools/kql-check}), for
 * tables whose names are as nasty as Kusto allows: spaces, dots, dashes, keywords, leading digits, non-ASCII letters,
 * and folders and docstrings holding quotes, backslashes and line breaks.
 *
 * <p>The tool is found through the system property {@code kql.check}, the environment variable {@code KQL_CHECK}, or
 * at {@code <repo>/../shared/tools/kql-check}. The test is skipped, saying why, only when node is not installed.
 */
class KqlCheckTest {

    private static final String[][] TABLES = {
        {"Plain", "@KustoTable record Plain(String a, long b) {}"},
        {
            "Spaces",
            "@KustoTable(name = \"My Table.v2-final\", mappingName = \"my mapping.v2-x\", folder = "
                    + "\"Sales\\\\EU \\\"quoted\\\" 'single'\", docString = \"line one\\nline two\\ttab\")"
                    + " record Spaces(@Column(name = \"Order Id\") String a, @Column(name = \"unit.price-eur\") double b,"
                    + " @Column(name = \"where\") String c, @Column(name = \"string\") String d,"
                    + " @Column(name = \"project\") int e, @Column(name = \"1day\") java.time.Duration f,"
                    + " @Column(name = \"Größe\") java.math.BigDecimal g, @Column(name = \"datetime\") java.time.Instant h,"
                    + " @Column(name = \"dynamic\") java.util.List<String> i,"
                    + " @Column(name = \"ts\", transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS) long j) {}"
        },
        {
            "where",
            "@KustoTable(name = \"where\", database = \"my-db.1\") record where(boolean and, java.util.UUID or) {}"
        },
        {
            "Keywords",
            "@KustoTable(name = \"summarize\", docString = \"it's a \\\"docstring\\\" with \\\\ and 'quotes'\")"
                    + " record Keywords(String take, String limit, String guid, java.util.Map<String, Object> set) {}"
        },
    };

    @Test
    void everyGeneratedScriptPassesTheOfficialParser(@TempDir Path dir) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String[] table : TABLES) {
            sources.add(source(
                    "com.acme." + table[0], "package com.acme;", "import io.kustotyped.annotations.*;", table[1]));
        }
        Compilation compilation = Sources.compile(sources.toArray(new JavaFileObject[0]));
        assertThat(compilation).succeededWithoutWarnings();

        List<String> scripts = new ArrayList<>();
        for (String tableName : List.of("Plain", "My%20Table.v2-final", "where", "summarize")) {
            String path = "/CLASS_OUTPUT/META-INF/kusto/" + tableName + ".kql";
            JavaFileObject script = compilation.generatedFiles().stream()
                    .filter(f -> f.toUri().getRawPath().equals(path))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + path + " in " + compilation.generatedFiles()));
            Path file = dir.resolve(tableName + ".kql");
            try (InputStream in = script.openInputStream()) {
                Files.write(file, in.readAllBytes());
            }
            scripts.add(file.toString());
        }

        Path tool = kqlCheck();
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(scripts);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(output).contains("kql-check: 12 commands, 0 with errors");
        assertThat(process.exitValue()).isEqualTo(0);
        // The parser saw the commands it was meant to see, in order.
        assertThat(output).contains("\"commandKinds\":[\"CreateMergeTable\"]");
        assertThat(output).contains("\"commandKinds\":[\"CreateOrAlterTableIngestionMapping\"]");
        assertThat(output).contains("\"commandKinds\":[\"AlterTablePolicyStreamingIngestion\"]");
    }

    private static Path kqlCheck() throws IOException, InterruptedException {
        String configured = System.getProperty("kql.check", System.getenv("KQL_CHECK"));
        Path tool = configured != null
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/tools/kql-check");
        if (!Files.isExecutable(tool)) {
            throw new AssertionError("kql-check not found at " + tool + "; set -Dkql.check or KQL_CHECK");
        }
        try {
            Process node = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            node.getInputStream().readAllBytes();
            if (node.waitFor() != 0) {
                Assumptions.abort("node is installed but 'node --version' failed; kql-check needs node");
            }
        } catch (IOException e) {
            Assumptions.abort("node is not installed, so kql-check cannot run: " + e.getMessage());
        }
        return tool;
    }
}

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
 * Every generated {@code .kql} script passes Microsoft's official KQL parser ({@code tools/kql-check} in this
 * repository), for tables whose names are as nasty as Kusto allows: spaces, dots, dashes, keywords, leading digits,
 * non-ASCII letters, and folders and docstrings holding quotes, backslashes and line breaks.
 *
 * <p>The tool is {@code tools/kql-check/kql-check} under the repository root (the system property {@code kql.check}
 * may name another). Its first run installs the parser with {@code npm ci}. The test is skipped, saying why and how to
 * fix it, only when node or npm is not installed; any other failure of the tool fails the test.
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
        Path tool = kqlCheck();
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

    @Test
    void theCheckRejectsWhatKustoWouldReject() throws Exception {
        Path tool = kqlCheck();
        String script = String.join(
                "\n\n",
                ".crate-merge table ['T'] (['a']:string)",
                ".create-merge table ['T'] (['a']:strin)",
                ".create-or-alter table ['T'] ingestion json mapping \"m\" '[{\"column\":\"a\",}]'",
                ".create-or-alter table ['T'] ingestion json mapping \"m\" '[{\"Properties\":{\"Path\":\"$.a\"}}]'",
                "// a comment line, then a good command\n.alter table ['T'] policy streamingingestion enable");
        Process process =
                new ProcessBuilder(tool.toString()).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(output).contains("kql-check: 5 commands, 4 with errors");
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("\"code\":\"UNKNOWN_COMMAND\"");
        assertThat(output).contains("\"code\":\"KS005\"");
        assertThat(output).contains("\"code\":\"MAPPING_JSON\",\"message\":\"the mapping is not valid JSON");
        assertThat(output).contains("\"message\":\"mapping element 0 has no \\\"column\\\" name\"");
        assertThat(output).contains("\"ok\":true,\"commandKinds\":[\"AlterTablePolicyStreamingIngestion\"]");
    }

    private static final String INSTALL_HINT = "install Node.js 18 or later with npm (Debian/Ubuntu: 'sudo apt-get"
            + " install nodejs npm'; otherwise https://nodejs.org/en/download), then run the tests again";

    /** Why node or npm cannot run, found once: null when both run. */
    private static String missingNode;

    private static boolean nodeChecked;

    private static synchronized Path kqlCheck() {
        String configured = System.getProperty("kql.check");
        Path tool = configured != null ? Path.of(configured) : repositoryRoot().resolve("tools/kql-check/kql-check");
        if (!Files.isExecutable(tool)) {
            throw new AssertionError("kql-check is missing or not executable at " + tool);
        }
        if (!nodeChecked) {
            nodeChecked = true;
            String problem = versionProblem("node");
            missingNode = problem != null ? problem : versionProblem("npm");
            if (missingNode != null) {
                // Surefire's console shows only the count of skipped tests, not an assumption's message.
                System.err.println("KqlCheckTest is skipped: " + missingNode + "; " + INSTALL_HINT);
            }
        }
        Assumptions.assumeTrue(
                missingNode == null,
                () -> missingNode + "; kql-check runs Microsoft's Kusto parser on node, so " + INSTALL_HINT);
        return tool;
    }

    /** The checkout's root: the nearest directory above the working directory that holds tools/kql-check. */
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/kql-check/package.json"))) {
                return dir;
            }
        }
        throw new AssertionError("no tools/kql-check/package.json in " + start + " or any folder above it");
    }

    /** Why {@code program --version} cannot run, or null when it runs. */
    private static String versionProblem(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0 ? null : "'" + program + " --version' failed";
        } catch (IOException e) {
            return program + " is not installed (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while running '" + program + " --version'";
        }
    }
}

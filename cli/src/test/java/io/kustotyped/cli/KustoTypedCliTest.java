package io.kustotyped.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand of the CLI against the in-process emulator. */
class KustoTypedCliTest {

    @TempDir
    Path tmp;

    private KustoEmulator emulator;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void start() {
        emulator = KustoEmulator.builder().database("Test").start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private int cli(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return KustoTypedCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path script(String name) {
        try {
            return Path.of(
                    KustoTypedCliTest.class.getResource("/scripts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> tableNames() {
        return emulator.tableNames("Test");
    }

    private String cluster() {
        return emulator.uri().toString();
    }

    /** A jar holding the two generated scripts under META-INF/kusto/, as a build would package them. */
    private Path jar() throws IOException {
        Path jar = tmp.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("Shipments.kql", "Logs.kql")) {
                zip.putNextEntry(new ZipEntry("META-INF/kusto/" + name));
                zip.write(Files.readAllBytes(script(name)));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("com/acme/App.class"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return jar;
    }

    private Path classesFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("classes/META-INF/kusto"));
        Files.copy(script("Logs.kql"), dir.resolve("Logs.kql"));
        return tmp.resolve("classes");
    }

    @Test
    void listShowsTablesColumnsMappingsAndCommandsFromAJarAFolderAndAFile() throws Exception {
        assertEquals(
                0,
                cli(
                        "list",
                        jar().toString(),
                        classesFolder().toString(),
                        script("Logs.kql").toString()),
                err());
        String o = out();
        assertTrue(o.startsWith("4 scripts:"), o);
        assertTrue(o.contains("table Logs    " + jar() + "!/META-INF/kusto/Logs.kql"), o);
        assertTrue(o.indexOf("Logs.kql") < o.indexOf("Shipments.kql"), "a source's scripts are in name order");
        assertTrue(o.contains("columns:   Timestamp:datetime, Level:string, EventText:string"), o);
        assertTrue(o.contains("mapping:   Logs_2ecda242 (json)"), o);
        assertTrue(o.contains("streaming: enabled by the script"), o);
        assertTrue(o.contains("1. .create-merge table ['Shipments'] (['RunId']:guid"), o);
        assertEquals(0, emulator.stats().requests(), "list connects to nothing");
    }

    @Test
    void applyRunsEveryCommandInOrderAndTheTablesWork() throws Exception {
        assertEquals(0, cli("apply", "--cluster", cluster(), "--database", "Test", jar().toString()), err());
        String o = out();
        assertTrue(o.contains("Applying 6 commands to " + cluster() + ", database Test:"), o);
        assertTrue(o.contains("[Logs 1/3] .create-merge table ['Logs']"), o);
        assertTrue(o.contains("[Shipments 3/3] .alter table ['Shipments'] policy streamingingestion enable ... ok"), o);
        assertTrue(o.indexOf("[Logs 3/3]") < o.indexOf("[Shipments 1/3]"), o);
        assertTrue(o.contains("Done: all 6 commands succeeded."), o);
        assertEquals(List.of("Logs", "Shipments"), tableNames());
    }

    @Test
    void applyDryRunPrintsTheCommandsAndSendsNothing() throws Exception {
        assertEquals(0, cli("apply", "--dry-run", "--cluster", cluster(), "--database", "Test", jar().toString()));
        String o = out();
        assertTrue(o.contains("Dry run: would run 6 commands on " + cluster() + ", database Test"), o);
        assertTrue(o.contains(Files.readString(script("Logs.kql")).strip()), "the full commands are printed: " + o);
        assertTrue(o.contains("Nothing was run."), o);
        assertEquals(0, emulator.stats().requests());
        assertEquals(0, cli("apply", "--dry-run", script("Logs.kql").toString()), "no cluster needed for a dry run");
    }

    @Test
    void applyStopsAtTheFirstFailingCommandWithTheKustoErrorCode() throws IOException {
        Path bad = tmp.resolve("Broken.kql");
        Files.writeString(bad, """
                .create-merge table ['Broken'] (['a']:string)

                .create-or-alter table ['Broken'] ingestion json mapping "Broken_1" '[{"column":"a","datatype":"strin""" + """
                g","Properties":{"Path":"$.a"}}'

                .alter table ['Broken'] policy streamingingestion enable
                """);
        assertEquals(1, cli("apply", "--cluster", cluster(), "--database", "Test", bad.toString()));
        assertTrue(out().contains("[Broken 1/3] .create-merge table ['Broken'] (['a']:string) ... ok"), out());
        assertTrue(out().contains("[Broken 2/3]") && out().contains("FAILED"), out());
        assertFalse(out().contains("[Broken 3/3]"), "nothing runs after the failure: " + out());
        assertTrue(err().matches("(?s)error: .*Broken.kql, command 2 failed: BadRequest_\\w+: .*\\(HTTP 400.*"), err());
        assertTrue(err().contains("Stopped: 1 of 3 commands ran; the 1 after the failed one were not run."), err());
        assertTrue(tableNames().contains("Broken"));
        assertFalse(
                emulator.streamingIngestionEnabled("Test", "Broken"),
                "the policy command after the failure did not run");
    }

    @Test
    void checkAfterApplyFindsNoDrift() throws Exception {
        assertEquals(0, cli("apply", "--cluster", cluster(), "--database", "Test", jar().toString()), err());
        assertEquals(0, cli("check", "--cluster", cluster(), "--database", "Test", jar().toString()), out() + err());
        assertTrue(out().contains("Logs: up to date"), out());
        assertTrue(out().contains("Shipments: up to date"), out());
        assertTrue(out().contains("No drift: every table matches its script."), out());
        // This emulator has no Data Management side: check says so, and it does not change the status.
        assertTrue(
                out().contains("Queued ingestion: the Data Management endpoint " + cluster() + " does not answer"),
                out());
    }

    @Test
    void checkPrintsTheDriftAndExitsOne() throws Exception {
        // The live table: an older Logs with one column fewer, another type, an extra column, an old mapping and
        // no streaming policy.
        Path old = tmp.resolve("OldLogs.kql");
        Files.writeString(old, """
                .create-merge table ['Logs'] (['Timestamp']:string, ['Level']:string, ['Host']:string)

                .create-or-alter table ['Logs'] ingestion json mapping "Logs_old" '[{"column":"Level","datatype":"string","Properties":{"Path":"$.Level"}}]'
                """);
        assertEquals(0, cli("apply", "--cluster", cluster(), "--database", "Test", old.toString()), err());

        assertEquals(
                1,
                cli(
                        "check",
                        "--cluster",
                        cluster(),
                        "--database",
                        "Test",
                        script("Logs.kql").toString()));
        String o = out();
        assertTrue(o.contains("Logs: 4 differences"), o);
        assertTrue(o.contains("COLUMN_MISSING: column 'EventText' (string) is missing from table 'Logs'"), o);
        assertTrue(o.contains("    fix: .create-merge table ['Logs']"), o);
        assertTrue(o.contains("COLUMN_TYPE_DIFFERS: column 'Timestamp' is string in the table but datetime"), o);
        assertTrue(o.contains("(note) EXTRA_COLUMN: table column 'Host' is not in the class"), o);
        assertTrue(o.contains("MAPPING_MISSING: table 'Logs' has no json mapping named 'Logs_2ecda242'"), o);
        assertTrue(o.contains("STREAMING_DISABLED"), o);
        assertTrue(o.contains("Drift: 1 of 1 tables differ from their scripts."), o);
        assertTrue(o.contains("'apply' fixes the other 3: it runs the generated commands"), o);
        assertTrue(o.contains("'apply' cannot fix the column of another type: .create-merge never retypes"), o);
        assertTrue(o.contains("'.alter column ['Table'].['Column'] type=<type>', after which the values already"), o);

        // A table that does not exist at all.
        assertEquals(
                1,
                cli(
                        "check",
                        "--cluster",
                        cluster(),
                        "--database",
                        "Test",
                        script("Shipments.kql").toString()));
        assertTrue(out().contains("TABLE_MISSING: table 'Shipments' does not exist in database 'Test'"), out());
        assertTrue(out().contains("'apply' fixes them"), out());
        assertFalse(out().contains("cannot fix"), out());
    }

    @Test
    void extraColumnsAreDriftOnlyWithStrict() throws Exception {
        assertEquals(
                0,
                cli(
                        "apply",
                        "--cluster",
                        cluster(),
                        "--database",
                        "Test",
                        script("Logs.kql").toString()));
        Path wider = tmp.resolve("Wider.kql");
        Files.writeString(wider, ".create-merge table ['Logs'] (['Host']:string)\n");
        assertEquals(0, cli("apply", "--cluster", cluster(), "--database", "Test", wider.toString()));

        assertEquals(
                0,
                cli(
                        "check",
                        "--cluster",
                        cluster(),
                        "--database",
                        "Test",
                        script("Logs.kql").toString()));
        assertTrue(out().contains("Logs: up to date (extra columns only, ignored without --strict)"), out());
        assertEquals(
                1,
                cli(
                        "check",
                        "--strict",
                        "--cluster",
                        cluster(),
                        "--database",
                        "Test",
                        script("Logs.kql").toString()));
        assertTrue(out().contains("Logs: 1 difference"), out());
    }

    @Test
    void checkDryRunPrintsTheShowCommands() {
        assertEquals(
                0,
                cli(
                        "check",
                        "--dry-run",
                        "--database",
                        "Test",
                        script("Logs.kql").toString()));
        assertTrue(out().contains(".show table ['Logs'] cslschema"), out());
        assertTrue(out().contains(".show table ['Logs'] ingestion json mappings"), out());
        assertTrue(out().contains(".show table ['Logs'] policy streamingingestion"), out());
        assertTrue(out().contains(".get ingestion resources"), out());
        assertEquals(0, emulator.stats().requests());
    }

    @Test
    void tableFilterSelectsScripts() throws Exception {
        assertEquals(
                0,
                cli("apply", "--table", "Logs", "--cluster", cluster(), "--database", "Test", jar().toString()),
                err());
        assertEquals(List.of("Logs"), tableNames());
        assertEquals(1, cli("list", "--table", "Nope", jar().toString()));
        assertTrue(err().contains("no script for table(s) [Nope]"), err());
    }

    @Test
    void helpScreensAndUsageErrors() {
        assertEquals(0, cli("--help"));
        assertTrue(out().contains("Commands:") && out().contains("Exit status: 0 success"), out());
        for (String c : List.of("list", "apply", "check")) {
            assertEquals(0, cli(c, "--help"));
            assertTrue(out().startsWith("Usage: java -jar kusto-typed-cli.jar " + c), out());
            assertEquals(0, cli("help", c));
            assertTrue(out().startsWith("Usage: java -jar kusto-typed-cli.jar " + c), out());
        }
        assertEquals(2, cli());
        assertEquals(2, cli("deploy"));
        assertTrue(err().contains("unknown command 'deploy'"), err());
        assertEquals(2, cli("apply", script("Logs.kql").toString()));
        assertTrue(err().contains("'apply' needs --cluster (or --dry-run)"), err());
        assertEquals(2, cli("check", "--cluster", "mycluster", "--database", "D", "x.kql"));
        assertTrue(err().contains("--cluster needs an http(s) URL"), err());
        assertEquals(2, cli("list"));
        assertEquals(2, cli("list", "--bogus", "x.kql"));
        assertEquals(
                List.of(
                        "error: unknown option '--bogus' for 'list'",
                        "Run 'java -jar kusto-typed-cli.jar list --help' for the usage."),
                err().lines().toList(),
                "an argument error prints the error and where the help is, not the whole usage");
        assertEquals(2, cli());
        assertEquals(2, err().lines().count(), err());
        assertEquals(2, cli("deploy"));
        assertEquals(2, err().lines().count(), err());
    }

    @Test
    void theDatabaseComesFromTheScriptWhenTheClassNamesOne() throws Exception {
        Path logs = tmp.resolve("Logs.kql");
        Files.writeString(
                logs,
                "// Generated by kusto-typed from com.acme.LogEntry. Do not edit.\n// database: Test\n\n"
                        + Files.readString(script("Logs.kql")));
        assertEquals(0, cli("apply", "--cluster", cluster(), logs.toString()), err());
        assertTrue(out().contains("Applying 3 commands to " + cluster() + ", database Test:"), out());
        assertEquals(List.of("Logs"), tableNames());
        assertEquals(0, cli("check", "--cluster", cluster(), logs.toString()), out() + err());
        assertTrue(out().contains("Logs: up to date"), out());

        assertEquals(
                2, cli("apply", "--cluster", cluster(), script("Shipments.kql").toString()));
        assertTrue(
                err().contains("'apply' needs --database: " + script("Shipments.kql") + " names no database"), err());
    }

    @Test
    void checkSaysWhenTheDatabaseDoesNotExist() {
        assertEquals(
                1,
                cli(
                        "check",
                        "--cluster",
                        cluster(),
                        "--database",
                        "Nope",
                        script("Logs.kql").toString()));
        assertTrue(
                err().contains("database 'Nope' does not exist on " + cluster() + " (BadRequest_DatabaseNotExist)"),
                err());
        assertFalse(out().contains("TABLE_MISSING"), out());
    }

    @Test
    void applyClearsTheStreamingSchemaCacheSoThatIngestionWorksAtOnce() throws Exception {
        try (KustoEmulator delayed = KustoEmulator.builder()
                .database("Test")
                .schemaPropagationDelay(java.time.Duration.ofHours(1))
                .start()) {
            String url = delayed.uri().toString();
            assertEquals(
                    0,
                    cli(
                            "apply",
                            "--cluster",
                            url,
                            "--database",
                            "Test",
                            script("Logs.kql").toString()));
            assertTrue(out().contains("[Logs] .clear table ['Logs'] cache streamingingestion schema ... ok"), out());
            io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
            try {
                io.kustotyped.runtime.KustoClient client = io.kustotyped.runtime.KustoClient.create(
                        vertx, new io.kustotyped.runtime.KustoClientOptions().setClusterUrl(url));
                java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
                    z.write("{\"Timestamp\":\"2024-01-01T00:00:00Z\",\"Level\":\"Info\",\"EventText\":\"x\"}"
                            .getBytes(StandardCharsets.UTF_8));
                }
                assertEquals(
                        200,
                        client.streamIngest(
                                        "Test",
                                        "Logs",
                                        io.kustotyped.runtime.StreamFormat.MULTI_JSON,
                                        "Logs_2ecda242",
                                        io.vertx.core.buffer.Buffer.buffer(gz.toByteArray()),
                                        "cli-test")
                                .await()
                                .status());
            } finally {
                vertx.close().await();
            }
            assertEquals(1, delayed.stats().rowsCommitted("Test", "Logs"));
        }
    }

    @Test
    void aRejectedTokenIsReportedOnceWithWhereTokensComeFrom() {
        try (KustoEmulator secured =
                KustoEmulator.builder().database("Test").token("right").start()) {
            int status = KustoTypedCli.run(
                    new String[] {
                        "check",
                        "--cluster",
                        secured.uri().toString(),
                        "--database",
                        "Test",
                        script("Logs.kql").toString()
                    },
                    new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(err = new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    Map.of("KUSTO_ACCESS_TOKEN", "wrong"));
            assertEquals(1, status);
            String e = err();
            assertEquals(1, e.split("HTTP 401", -1).length - 1, "HTTP 401 once: " + e);
            assertTrue(e.contains("KUSTO_ACCESS_TOKEN") && e.contains("az ") && e.contains("TokenProvider"), e);
            assertFalse(e.contains("wrong"), "the token is never printed: " + e);
        }
    }

    @Test
    void missingOrEmptySourcesFail() throws IOException {
        assertEquals(1, cli("list", tmp.resolve("nope.jar").toString()));
        assertTrue(err().contains("no such file or folder"), err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(1, cli("list", empty.toString()));
        assertTrue(err().contains("no generated scripts (META-INF/kusto/*.kql) in " + empty), err());
    }

    @Test
    void aRemoteClusterWithoutTokenSourceFailsWithTheMessage() {
        int status = KustoTypedCli.run(
                new String[] {
                    "check",
                    "--cluster",
                    "https://x.kusto.windows.net",
                    "--database",
                    "D",
                    script("Logs.kql").toString()
                },
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err = new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("PATH", "/nonexistent"));
        assertEquals(1, status);
        assertTrue(err().contains("KUSTO_ACCESS_TOKEN"), err());
    }
}

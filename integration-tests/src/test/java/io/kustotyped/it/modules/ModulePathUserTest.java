package io.kustotyped.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user gets on the module path and on the class path: an application with a {@code @KustoTable} record is
 * compiled with the processor ({@code javac}, in this JVM) once as a named module that {@code requires
 * io.kustotyped.runtime} and once as plain classes, then each is run in a new JVM ({@code java -m} and
 * {@code java -cp}) against the emulator: apply the schema, ingest three rows, check the schema. The module run sees
 * only the runtime's exported packages; the class-path run sees everything, as before module descriptors. The
 * emulator, too, starts and answers from a named module, which sees its builder and fault options but not its store.
 */
class ModulePathUserTest {

    private static final String RECORD = """
            package com.acme;

            import io.kustotyped.annotations.KustoTable;
            import java.time.Instant;

            @KustoTable(name = "Readings", database = "Test")
            public record Reading(Instant at, String sensor, double value) {}
            """;

    private static final String MAIN = """
            package com.acme;

            import io.kustotyped.runtime.IngestResult;
            import io.kustotyped.runtime.KustoClient;
            import io.kustotyped.runtime.KustoClientOptions;
            import io.kustotyped.runtime.SchemaReport;
            import io.vertx.core.Vertx;
            import java.time.Instant;
            import java.util.List;
            import java.util.concurrent.TimeUnit;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    Vertx vertx = Vertx.vertx();
                    try {
                        KustoClient client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(args[0]));
                        ReadingIngestor ingestor = ReadingIngestor.create(client);
                        ingestor.applySchema().await(60, TimeUnit.SECONDS);
                        IngestResult r = ingestor.ingest(List.of(
                                        new Reading(Instant.parse("2026-01-01T00:00:00Z"), "a", 1.5),
                                        new Reading(Instant.parse("2026-01-01T00:00:01Z"), "b\\n", -2),
                                        new Reading(Instant.parse("2026-01-01T00:00:02Z"), "c", 1e300)))
                                .await(60, TimeUnit.SECONDS);
                        SchemaReport report =
                                client.checkSchema("Test", ReadingKustoSchema.INSTANCE).await(60, TimeUnit.SECONDS);
                        System.out.println("ingested=" + r.rowsIngested() + " drifts=" + report.drifts().size()
                                + " app=" + Main.class.getModule().getName()
                                + " runtime=" + KustoClient.class.getModule().getName());
                        client.close().await(60, TimeUnit.SECONDS);
                    } finally {
                        vertx.close().await(60, TimeUnit.SECONDS);
                    }
                }
            }
            """;

    private static final String MODULE_INFO = """
            module com.acme.app {
                requires io.kustotyped.runtime;
                requires static io.kustotyped.annotations;
            }
            """;

    private static final String EMULATOR_USER = """
            package com.acme.emu;

            import io.kustotyped.emulator.KustoEmulator;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    try (KustoEmulator emu = KustoEmulator.builder().database("Test").start()) {
                        HttpResponse<String> created = HttpClient.newHttpClient().send(
                                HttpRequest.newBuilder(URI.create(emu.uri() + "/v1/rest/mgmt"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\\\"db\\\":\\\"Test\\\",\\\"csl\\\":\\\".create table T (a:long)\\\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        Module m = KustoEmulator.class.getModule();
                        System.out.println("status=" + created.statusCode() + " tables=" + emu.tableNames("Test")
                                + " emulator=" + m.getName()
                                + " fault=" + m.isExported("io.kustotyped.emulator.fault")
                                + " store=" + m.isExported("io.kustotyped.emulator.store"));
                    }
                }
            }
            """;

    private static final String EMULATOR_USER_MODULE = """
            module com.acme.emu {
                requires io.kustotyped.emulator;
                requires java.net.http;
            }
            """;

    private static final String STORE_USER = """
            package com.acme.emu;

            public final class Peek {
                static Object peek(io.kustotyped.emulator.KustoEmulator emu) {
                    return io.kustotyped.emulator.store.Catalog.class;
                }
            }
            """;

    private static KustoEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = KustoEmulator.builder().database("Test").enableStreaming().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void generatedCodeCompilesAndRunsOnTheModulePath() throws Exception {
        List<Path> classPath = testClassPath();
        List<Path> modules = explicitModules(classPath);
        assertTrue(
                modules.stream().anyMatch(p -> "io.kustotyped.runtime".equals(moduleName(p))),
                "the runtime is an explicit module: " + modules);

        Path src = dir.resolve("src/com.acme.app");
        write(src.resolve("module-info.java"), MODULE_INFO);
        write(src.resolve("com/acme/Reading.java"), RECORD);
        write(src.resolve("com/acme/Main.java"), MAIN);
        Path out = dir.resolve("mods/com.acme.app");
        compile(src, List.of("--module-path", join(modules), "--processor-path", join(classPath)), out);

        List<Path> runPath = new ArrayList<>(modules);
        runPath.add(0, out);
        String output = run(List.of("--module-path", join(runPath), "-m", "com.acme.app/com.acme.Main"));
        assertEquals("ingested=3 drifts=0 app=com.acme.app runtime=io.kustotyped.runtime", output);
    }

    @Test
    void generatedCodeCompilesAndRunsOnTheClassPath() throws Exception {
        List<Path> classPath = testClassPath();
        Path src = dir.resolve("src/classpath");
        write(src.resolve("com/acme/Reading.java"), RECORD);
        write(src.resolve("com/acme/Main.java"), MAIN);
        Path out = dir.resolve("classes");
        compile(src, List.of("-classpath", join(classPath), "-processorpath", join(classPath)), out);

        List<Path> runPath = new ArrayList<>(classPath);
        runPath.add(0, out);
        String output = run(List.of("-cp", join(runPath), "com.acme.Main"));
        // Unnamed modules: everything is reachable, exactly as before the runtime had a module descriptor.
        assertEquals("ingested=3 drifts=0 app=null runtime=null", output);
    }

    @Test
    void theEmulatorRunsOnTheModulePathAndExportsOnlyItsApi() throws Exception {
        List<Path> modules = explicitModules(testClassPath());
        assertTrue(
                modules.stream().anyMatch(p -> "io.kustotyped.emulator".equals(moduleName(p))),
                "the emulator is an explicit module: " + modules);

        Path src = dir.resolve("src/com.acme.emu");
        write(src.resolve("module-info.java"), EMULATOR_USER_MODULE);
        write(src.resolve("com/acme/emu/Main.java"), EMULATOR_USER);
        Path out = dir.resolve("mods/com.acme.emu");
        compile(src, List.of("--module-path", join(modules)), out);

        List<Path> runPath = new ArrayList<>(modules);
        runPath.add(0, out);
        String output = run(List.of("--module-path", join(runPath), "-m", "com.acme.emu/com.acme.emu.Main"));
        assertEquals("status=200 tables=[T] emulator=io.kustotyped.emulator fault=true store=false", output);

        // The store is internal: a module that names it does not compile.
        write(src.resolve("com/acme/emu/Peek.java"), STORE_USER);
        String refused = compileErrors(src, List.of("--module-path", join(modules)), dir.resolve("mods/peek"));
        assertTrue(
                refused.contains("package io.kustotyped.emulator.store is not visible")
                        || refused.contains("package io.kustotyped.emulator.store does not exist"),
                refused);
    }

    // ------------------------------------------------------------------ helpers

    private static void compile(Path sourceRoot, List<String> pathOptions, Path out) throws IOException {
        List<String> options = new ArrayList<>(pathOptions);
        options.addAll(List.of("-Xlint:all", "-Xlint:-processing", "-Werror"));
        Javac result = javac(sourceRoot, options, out);
        assertTrue(result.ok(), () -> "javac failed:\n" + result.diagnostics());
    }

    /** Compiles sources that must not compile; returns javac's diagnostics. */
    private static String compileErrors(Path sourceRoot, List<String> pathOptions, Path out) throws IOException {
        Javac result = javac(sourceRoot, pathOptions, out);
        assertTrue(!result.ok(), "javac accepted code that names an internal package of the emulator");
        return result.diagnostics();
    }

    private record Javac(boolean ok, String diagnostics) {}

    private static Javac javac(Path sourceRoot, List<String> pathOptions, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> sources;
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toFile)
                    .toList();
        }
        List<String> options = new ArrayList<>(pathOptions);
        options.addAll(List.of("-d", out.toString()));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(
                            null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources))
                    .call();
            return new Javac(
                    ok,
                    diagnostics.getDiagnostics().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
    }

    /** Runs the application in a new JVM with the emulator's URL; returns its last line of output. */
    private String run(List<String> launch) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.add(emulator.uri().toString());
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile())
                .start();
        boolean exited = p.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("run.log"));
        assertTrue(exited && p.exitValue() == 0, () -> "the application failed:\n" + log);
        List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1);
    }

    private static List<Path> testClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .filter(Files::exists)
                .toList();
    }

    /** The entries that are modules with a descriptor (not automatic), as a user's module path would hold them. */
    private static List<Path> explicitModules(List<Path> classPath) {
        List<Path> out = new ArrayList<>();
        for (Path p : classPath) {
            String name = moduleName(p);
            if (name != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String moduleName(Path p) {
        try {
            Set<ModuleReference> found = ModuleFinder.of(p).findAll();
            if (found.size() == 1) {
                ModuleReference m = found.iterator().next();
                return m.descriptor().isAutomatic() ? null : m.descriptor().name();
            }
        } catch (FindException notAModule) {
            // not usable as a module
        }
        return null;
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

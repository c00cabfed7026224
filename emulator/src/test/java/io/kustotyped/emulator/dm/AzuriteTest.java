package io.kustotyped.emulator.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Azurite launcher, the JUnit extension and the emulator's {@code queuedStorage()} option. */
class AzuriteTest {
    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theExtensionsAzuriteAnswersOnLoopbackWithTheDevelopmentAccount(StorageAccount account) throws Exception {
        assertEquals("devstoreaccount1", account.accountName());
        for (URI endpoint : List.of(account.blobEndpoint(), account.queueEndpoint(), account.tableEndpoint())) {
            assertEquals("127.0.0.1", endpoint.getHost());
            assertEquals("/devstoreaccount1", endpoint.getPath());
            // no credentials: Azurite itself answers, refusing (403; 400 from the table service)
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(endpoint + "?comp=list")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() == 403 || r.statusCode() == 400, endpoint + ": " + r.statusCode());
            assertTrue(
                    r.headers().firstValue("server").orElse("").startsWith("Azurite-"), endpoint + ": " + r.headers());
        }
        assertTrue(azurite.connectionString().contains("QueueEndpoint=" + account.queueEndpoint() + ";"));
        assertEquals(account, StorageAccount.parse(azurite.connectionString()));
    }

    @Test
    void closeStopsAzuriteAndEveryProcessItStarted() {
        Azurite own = Azurite.builder().start();
        ProcessHandle root = ProcessHandle.of(own.pid()).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        own.close();
        assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), tree::toString);
        assertFalse(own.isAlive());
    }

    @Test
    void persistentAzuriteKeepsItsFilesInTheLocation(@TempDir Path dir) throws Exception {
        try (Azurite own = Azurite.builder().location(dir).start()) {
            assertEquals(dir, own.location());
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("__azurite_db_")), names::toString);
        }
    }

    @Test
    void theEmulatorStartsAzuriteWhenAskedAndStopsItAtClose() {
        long pid;
        try (KustoEmulator emu = KustoEmulator.builder().queuedStorage().start()) {
            Azurite started = emu.startedAzurite().orElseThrow();
            assertTrue(started.isAlive());
            assertEquals(started.account(), emu.storageAccount());
            pid = started.pid();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void theEmulatorUsesAGivenAccountWithoutStartingAzurite() {
        try (KustoEmulator emu =
                KustoEmulator.builder().queuedStorage(azurite.account()).start()) {
            assertEquals(azurite.account(), emu.storageAccount());
            assertTrue(emu.startedAzurite().isEmpty());
        }
        try (KustoEmulator emu = KustoEmulator.builder().start()) {
            assertTrue(assertThrows(IllegalStateException.class, emu::storageAccount)
                    .getMessage()
                    .contains("queuedStorage()"));
        }
    }

    @Test
    void aMissingCommandIsReportedAsUnavailableWithTheWayToInstallIt(@TempDir Path dir) {
        var e = assertThrows(
                AzuriteUnavailableException.class,
                () -> Azurite.builder()
                        .command(List.of(dir.resolve("no-azurite").toString()))
                        .start());
        assertTrue(e.getMessage().contains("no-azurite") && e.getMessage().contains("Node.js 18"), e.getMessage());
    }

    @Test
    void missingNodeIsReportedAsUnavailableNamingNode(@TempDir Path emptyPath) {
        Path script = repositoryRoot().resolve("tools/azurite/azurite");
        var e = assertThrows(
                AzuriteUnavailableException.class,
                () -> Azurite.builder()
                        .command(List.of("/usr/bin/env", "PATH=" + emptyPath, "/bin/bash", script.toString()))
                        .start());
        assertTrue(e.getMessage().contains("'node' is not installed"), e.getMessage());
    }

    @Test
    void connectionStringsNameWhatIsWrong() {
        assertEquals(
                "storage connection string: QueueEndpoint is missing",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> StorageAccount.parse("AccountName=a;AccountKey=k;BlobEndpoint=http://h:1/a"))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> StorageAccount.parse("AccountName=a;AccountKey=k;BlobEndpoint=ftp://h/a;"
                                + "QueueEndpoint=http://h:2/a;TableEndpoint=http://h:3/a"))
                .getMessage()
                .contains("BlobEndpoint 'ftp://h/a' is not an http(s) URL"));
        assertFalse(StorageAccount.devStoreAccount(1, 2, 3).toString().contains(StorageAccount.DEV_ACCOUNT_KEY));
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/azurite/package.json"))) {
                return dir;
            }
        }
        throw new AssertionError(
                "no tools/azurite/package.json above " + Path.of("").toAbsolutePath());
    }
}

package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.store.FaultyIo;
import io.kustotyped.emulator.store.Table;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the data directory cannot be written, a request fails with a 500 OneApi error, {@code @permanent:
 * false}, and changes nothing; every 200 survives a restart. Once with a fault-injecting file layer, once
 * with a real full disk (a small tmpfs; needs root, as in CI).
 */
class StorageFailureTest {
    @TempDir
    Path tmp;

    private static void assertTransient(HttpResponse<String> r, String what) {
        assertEquals(500, r.statusCode(), what + ": " + r.body());
        JsonNode error = TestClient.parse(r.body()).get("error");
        assertEquals("General_InternalServerError", error.get("code").asText(), r.body());
        assertFalse(error.get("@permanent").asBoolean(), "clients may retry: " + r.body());
        assertTrue(error.get("@message").asText().contains("No space left on device"), r.body());
    }

    @Test
    void aFailedCatalogChangeOrAppendIsATransient500AndChangesNothing() {
        FaultyIo io = new FaultyIo();
        Path dir = tmp.resolve("data");
        try (KustoEmulator emu = KustoEmulator.builder()
                .database("D")
                .enableStreaming()
                .dataDir(dir)
                .storeIo(io)
                .start()) {
            TestClient c = new TestClient(emu.uri());
            c.mgmt("D", ".create table T (id:long)");
            io.failNext(FaultyIo.Op.WRITE, FaultyIo::catalog);
            assertTransient(c.post("/v1/rest/mgmt", "D", ".create table T2 (a:long)"), ".create table");
            assertNull(emu.catalog().database("D").table("T2"), "the failed .create table left no table behind");
            TestClient.assertError(c.ingest("D", "T2", "streamFormat=csv", "1\n"), 400, "BadRequest_TableNotExist");

            io.failNext(FaultyIo.Op.REPLACE, FaultyIo::catalog);
            assertTransient(c.post("/v1/rest/mgmt", "D", ".alter-merge table T (extra:string)"), ".alter-merge");
            assertEquals(1, emu.catalog().database("D").table("T").columns().size());

            io.failNext(FaultyIo.Op.FORCE, FaultyIo::rows);
            assertTransient(c.ingest("D", "T", "streamFormat=csv", "1\n2\n"), "ingest");
            assertEquals(0, emu.catalog().database("D").table("T").rowCount());
            assertEquals(200, c.ingest("D", "T", "streamFormat=csv", "3\n").statusCode());
            assertEquals(3, io.injected());
        }
        try (KustoEmulator emu = KustoEmulator.builder().dataDir(dir).start()) {
            Table t = emu.catalog().database("D").table("T");
            assertEquals(List.of(3L), t.rows().stream().map(r -> r[0]).toList());
            assertEquals(1, t.columns().size());
            assertNull(emu.catalog().database("D").table("T2"));
        }
    }

    @Test
    void aFullDiskLosesNothingAcknowledgedAndChangesNothingThatFailed() throws Exception {
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        assumeTrue(linux, "the full-disk test mounts a tmpfs: Linux only");
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        String mount = run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString());
        assumeTrue(
                mount == null,
                "SKIPPED the full-disk test: cannot mount a 256 KiB tmpfs (" + mount
                        + "); it needs root, as in CI. The fault-injecting file layer tests still ran.");
        try {
            fullDisk(disk);
        } finally {
            String umount = run("umount", disk.toString());
            assertNull(umount, "umount " + disk);
        }
    }

    private static void fullDisk(Path disk) throws IOException {
        Path dir = disk.resolve("data");
        Path filler = Files.write(disk.resolve("filler"), new byte[64 * 1024]); // freed later
        Set<Long> acked = new HashSet<>();
        long nextId = 0;
        int failedIngests = 0;
        try (KustoEmulator emu = KustoEmulator.builder()
                .database("D")
                .enableStreaming()
                .dataDir(dir)
                .start()) {
            TestClient c = new TestClient(emu.uri());
            c.mgmt("D", ".create table T (id:long, pad:string)");
            String pad = "p".repeat(200);
            Table t = emu.catalog().database("D").table("T");
            Path rest = null;
            for (int batch = 0; batch < 200 && failedIngests < 3; batch++) {
                StringBuilder body = new StringBuilder();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    ids.add(nextId);
                    body.append(nextId++).append(',').append(pad).append('\n');
                }
                HttpResponse<String> r = c.ingest("D", "T", "streamFormat=csv", body.toString());
                if (r.statusCode() == 200) {
                    acked.addAll(ids);
                } else {
                    assertTransient(r, "ingest on a full disk");
                    failedIngests++;
                    if (rest == null) {
                        rest = fillUp(disk.resolve("rest")); // not even a page left for a catalog write
                    }
                }
                assertEquals(acked.size(), t.rowCount(), "memory holds exactly the acknowledged rows");
            }
            assertEquals(3, failedIngests, "the disk filled up");
            assertTransient(c.post("/v1/rest/mgmt", "D", ".create table T2 (a:long)"), ".create table on a full disk");
            assertNull(emu.catalog().database("D").table("T2"));
            HttpResponse<String> policy =
                    c.post("/v1/rest/mgmt", "D", ".alter table T policy streamingingestion disable");
            assertTransient(policy, "a policy change on a full disk");
            assertNull(t.streamingPolicy());

            Files.delete(filler); // room again
            Files.delete(rest);
            assertEquals(
                    200, c.ingest("D", "T", "streamFormat=csv", nextId + ",x\n").statusCode());
            acked.add(nextId);
            c.mgmt("D", ".create table T2 (a:long)");
        }
        try (KustoEmulator emu = KustoEmulator.builder().dataDir(dir).start()) {
            List<Object> ids = emu.catalog().database("D").table("T").rows().stream()
                    .map(r -> r[0])
                    .toList();
            assertEquals(acked.size(), ids.size(), "every acknowledged row, once, and nothing else");
            assertEquals(acked, new HashSet<>(ids));
            assertTrue(emu.catalog().database("D").table("T2") != null);
            assertNull(emu.catalog().database("D").table("T").streamingPolicy());
            System.out.println("Full disk (256 KiB tmpfs): " + acked.size() + " acknowledged rows survived; "
                    + failedIngests + " ingests, a .create table and a policy change failed cleanly");
        }
    }

    /** Writes a file until the disk is full. */
    private static Path fillUp(Path file) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[512];
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), String.valueOf(full));
        }
        return file;
    }

    /** Runs a command; null on success, else its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
    }
}

package io.kustotyped.emulator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kustotyped.emulator.EmulatorInternals;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.kustotyped.emulator.store.Table;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many parallel ingests: every row committed exactly once, each request's rows contiguous (atomic appends). */
class ConcurrencyTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void parallelIngestsLoseAndDuplicateNothingInMemoryAndOnDisk() throws Exception {
        run(null);
        run(dir);
    }

    private void run(java.nio.file.Path dataDir) throws Exception {
        int requests = 64;
        int rowsPerRequest = 50;
        try (KustoEmulator emu =
                KustoEmulator.builder().database("Db").dataDir(dataDir).start()) {
            Table t = EmulatorInternals.catalog(emu)
                    .database("Db")
                    .createTable(
                            "T",
                            List.of(new ColumnDef("req", ScalarType.INT), new ColumnDef("i", ScalarType.INT)),
                            null,
                            null);
            t.setStreamingPolicy(StreamingPolicy.ENABLED);
            TestClient client = new TestClient(emu.uri());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int r = 0; r < requests; r++) {
                    StringBuilder body = new StringBuilder();
                    for (int i = 0; i < rowsPerRequest; i++) {
                        body.append(r).append(',').append(i).append('\n');
                    }
                    byte[] gz = TestClient.gzip(body.toString());
                    results.add(pool.submit(
                            () -> client.ingest("Db", "T", "streamFormat=csv", gz, "Content-Encoding", "gzip")));
                }
                for (Future<HttpResponse<String>> f : results) {
                    assertEquals(200, f.get().statusCode(), f.get().body());
                }
            } finally {
                pool.shutdown();
            }
            List<Object[]> rows = t.rows();
            assertEquals(requests * rowsPerRequest, rows.size());
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < rows.size(); k++) {
                Object[] row = rows.get(k);
                seen.add(row[0] + "/" + row[1]);
                int i = (Integer) row[1];
                // an append is atomic: a request's rows are never interleaved with another's
                assertEquals(rows.get(k - i)[0], row[0]);
            }
            assertEquals(requests * rowsPerRequest, seen.size(), "no row duplicated");
            assertEquals(requests * rowsPerRequest, emu.stats().rowsCommitted("Db", "T"));
            assertEquals(requests * rowsPerRequest, client.count("Db", "T"));
        }
        if (dataDir != null) {
            try (KustoEmulator again = KustoEmulator.builder().dataDir(dataDir).start()) {
                assertEquals(
                        requests * rowsPerRequest,
                        EmulatorInternals.catalog(again)
                                .database("Db")
                                .table("T")
                                .rowCount());
            }
        }
    }
}

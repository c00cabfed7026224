package io.kustotyped.it.ingest;

import static io.kustotyped.it.ingest.IngestTestSupport.await;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoResultTable;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;

/** An in-process emulator with database {@code Test} and a client for it. */
final class EmulatorFixture implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final KustoEmulator emulator;
    final KustoClient client;

    EmulatorFixture(Consumer<KustoEmulator.Builder> config) {
        this(config, Duration.ofSeconds(10));
    }

    EmulatorFixture(Consumer<KustoEmulator.Builder> config, Duration requestTimeout) {
        KustoEmulator.Builder b = KustoEmulator.builder().database("Test").enableStreaming();
        config.accept(b);
        emulator = b.start();
        client = KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(emulator.uri().toString())
                        .setRequestTimeout(requestTimeout));
    }

    long count(String query) throws Exception {
        KustoResultTable t = await(client.executeQuery("Test", query));
        return t.getLong(0, 0); // count() is a long column
    }

    @Override
    public void close() {
        // Declares no checked exception: an AutoCloseable whose close() may throw InterruptedException draws a
        // -Xlint:try warning at every try-with-resources.
        try {
            emulator.close();
            await(vertx.close());
        } catch (Exception e) { // Future.await rethrows an interruption as it is
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not stop the emulator", e);
        }
    }
}

package io.kustotyped.it.support;

import static io.kustotyped.it.support.Futures.await;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoResultTable;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * An in-process emulator with database {@code Test} (streaming ingestion enabled) and a client for it on its own
 * {@link Vertx}. Tests create one per test, in a {@code try}-with-resources or in {@code @BeforeEach}/{@code @AfterEach}.
 */
public final class EmulatorFixture implements AutoCloseable {

    /** The client's Vert.x instance. */
    public final Vertx vertx = Vertx.vertx();
    /** The running emulator. */
    public final KustoEmulator emulator;
    /** A client of {@link #emulator}. */
    public final KustoClient client;

    /** An emulator configured further by {@code config}, and a client with a 10 s request timeout. */
    public EmulatorFixture(Consumer<KustoEmulator.Builder> config) {
        this(config, Duration.ofSeconds(10));
    }

    /** As {@link #EmulatorFixture(Consumer)} with the client's request timeout. */
    public EmulatorFixture(Consumer<KustoEmulator.Builder> config, Duration requestTimeout) {
        this(config, o -> o.setRequestTimeout(requestTimeout));
    }

    /**
     * An emulator configured further by {@code config}, and a client whose options (the cluster URL already set, a
     * 10 s request timeout) {@code clientConfig} may change, e.g. to add a token provider.
     */
    public EmulatorFixture(Consumer<KustoEmulator.Builder> config, Consumer<KustoClientOptions> clientConfig) {
        KustoEmulator.Builder b = KustoEmulator.builder().database("Test").enableStreaming();
        config.accept(b);
        emulator = b.start();
        KustoClientOptions options = new KustoClientOptions()
                .setClusterUrl(emulator.uri().toString())
                .setRequestTimeout(Duration.ofSeconds(10));
        clientConfig.accept(options);
        client = KustoClient.create(vertx, options);
    }

    /** The single long a count query such as {@code T | count} returns. */
    public long count(String query) throws Exception {
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

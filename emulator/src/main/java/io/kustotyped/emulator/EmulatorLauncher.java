package io.kustotyped.emulator;

import io.kustotyped.emulator.http.StatsCollector;
import io.kustotyped.emulator.queue.QueuedIngestion;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Starts a {@link KustoEmulator} from its builder: opens the store and creates the databases, listens for HTTP, then
 * for HTTPS with the configured or a generated certificate; on any failure undoes what it did.
 */
final class EmulatorLauncher {
    private EmulatorLauncher() {}

    /** The HTTPS side: its port, certificate, and the directory of a generated certificate (deleted at close). */
    record Tls(int port, TlsCertificate certificate, Path generatedDir) {}

    static Future<KustoEmulator> start(KustoEmulator.Builder b) {
        boolean owns = b.vertx == null;
        Vertx v = owns ? Vertx.vertx() : b.vertx;
        Catalog catalog;
        try {
            catalog = b.dataDir == null ? new Catalog() : Catalog.open(b.dataDir, b.storeIo);
            for (String name : b.databases) {
                Database db = catalog.createDatabase(name, true);
                if (b.enableStreaming && db.streamingPolicy() == null) {
                    db.setStreamingPolicy(StreamingPolicy.ENABLED);
                }
            }
        } catch (RuntimeException e) {
            if (owns) {
                v.close();
            }
            return Future.failedFuture(e);
        }
        StatsCollector stats = new StatsCollector();
        EmulatorServer server = new EmulatorServer(v, catalog, b.token, b, stats);
        Tls[] tls = new Tls[1];
        return server.listen(b.host, b.port)
                .compose(plain -> certificate(b, v).compose(cert -> {
                    if (cert == null) {
                        return Future.succeededFuture(plain.actualPort());
                    }
                    tls[0] = new Tls(
                            0, cert, b.selfSignedTls ? cert.certificatePem().getParent() : null);
                    return server.listenTls(b.host, b.httpsPort, cert).map(s -> {
                        tls[0] = new Tls(s.actualPort(), cert, tls[0].generatedDir());
                        return plain.actualPort();
                    });
                }))
                .map(actualPort -> new KustoEmulator(v, owns, catalog, server, stats, b.host, actualPort, tls[0]))
                .compose(emulator -> b.queuedIngestion == null
                        ? Future.succeededFuture(emulator)
                        : QueuedIngestion.start(v, catalog, b.queuedIngestion).map(q -> {
                            emulator.queuedIngestion(q);
                            server.dataManagement(q);
                            return emulator;
                        }))
                .recover(err -> {
                    catalog.close();
                    deleteGenerated(tls[0]);
                    // Vert.x is closed without waiting: this runs on its event loop, and a future chained on its own
                    // close never completes (a port in use hung start() for its whole 30 s).
                    return server.close().transform(x -> {
                        if (owns) {
                            v.close();
                        }
                        return Future.failedFuture(err);
                    });
                });
    }

    /** The configured certificate, or a generated one (keytool runs off the event loop), or null. */
    private static Future<TlsCertificate> certificate(KustoEmulator.Builder b, Vertx v) {
        if (b.tlsCertificate != null || !b.selfSignedTls) {
            return Future.succeededFuture(b.tlsCertificate);
        }
        return v.executeBlocking(
                () -> {
                    Path dir = Files.createTempDirectory("kusto-emulator-tls-");
                    try {
                        return TlsCertificate.selfSigned(dir);
                    } catch (RuntimeException e) {
                        deleteGenerated(new Tls(0, null, dir));
                        throw e;
                    }
                },
                false);
    }

    static void deleteGenerated(Tls tls) {
        if (tls == null || tls.generatedDir() == null) {
            return;
        }
        try (Stream<Path> files = Files.list(tls.generatedDir())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(tls.generatedDir());
        } catch (IOException e) {
            // a temporary directory left behind: nothing else depends on it
        }
    }
}

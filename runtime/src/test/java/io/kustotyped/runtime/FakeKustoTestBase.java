package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh Vert.x, a {@link FakeKusto} on loopback and a client with default options, for each test. */
abstract class FakeKustoTestBase {

    protected Vertx vertx;
    protected FakeKusto server;
    protected KustoClient client;

    @BeforeEach
    void startFakeKusto() throws Exception {
        vertx = Vertx.vertx();
        server = new FakeKusto(vertx);
        client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(server.url()));
    }

    @AfterEach
    void stopFakeKusto() throws Exception {
        server.close();
        await(vertx.close());
    }
}

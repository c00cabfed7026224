package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link KustoClient#create(KustoClientOptions)}: a client with a Vertx of its own, closed with it. */
class OwnedVertxTest {

    private Vertx serverVertx;
    private FakeKusto server;

    @BeforeEach
    void start() throws Exception {
        serverVertx = Vertx.vertx();
        server = new FakeKusto(serverVertx);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        await(serverVertx.close());
    }

    /** The thread that runs tasks on {@code vertx}'s event loop. */
    private static Thread eventLoopThread(Vertx vertx) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        vertx.runOnContext(v -> thread.complete(Thread.currentThread()));
        return thread.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientWithoutVertxOwnsOneWithDaemonThreadsAndClosesIt() throws Exception {
        KustoClient client = KustoClient.create(new KustoClientOptions().setClusterUrl(server.url()));
        assertEquals("Table_0", await(client.executeMgmt("db", ".show version")).name());
        Thread loop = eventLoopThread(client.vertx());
        assertTrue(loop.isDaemon(), "a forgotten client must not keep the JVM alive: " + loop.getName());

        await(client.close());
        loop.join(10_000);
        assertFalse(loop.isAlive(), "closing the client closes its own Vertx (its event loop thread ends)");
    }

    @Test
    void aUsersVertxIsNeverClosed() throws Exception {
        Vertx mine = Vertx.vertx();
        try {
            KustoClient client = KustoClient.create(mine, new KustoClientOptions().setClusterUrl(server.url()));
            await(client.executeMgmt("db", ".show version"));
            await(client.close());
            Thread loop = eventLoopThread(mine);
            loop.join(200);
            assertTrue(loop.isAlive(), "the user's Vertx still runs after the client closed");
            assertEquals(42, await(mine.executeBlocking(() -> 42)));
        } finally {
            await(mine.close());
        }
    }

    @Test
    void aBadUrlFailsAtOnce() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> KustoClient.create(new KustoClientOptions().setClusterUrl("ftp://x")));
        assertTrue(e.getMessage().contains("ftp://x"), e.getMessage());
    }
}

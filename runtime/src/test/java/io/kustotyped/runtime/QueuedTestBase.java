package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A loopback DM ({@link FakeKusto} answering the two DM commands, as the same URL serves both on loopback, and
 * streaming requests as the test says) and an in-memory storage ({@link FakeStorage}), for queued and managed tests.
 */
abstract class QueuedTestBase {

    static final String IDENTITY_TOKEN = "identity-token-not-a-secret-in-tests";

    protected Vertx vertx;
    protected FakeKusto kusto;
    protected FakeStorage storage;
    protected KustoClient client;
    protected final AtomicInteger resourceFetches = new AtomicInteger();
    /** What streaming requests get. */
    protected volatile Function<FakeKusto.Received, FakeKusto.Reply> streaming = r -> FakeKusto.Reply.ok();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        kusto = new FakeKusto(vertx);
        storage = new FakeStorage(vertx);
        kusto.respond(r -> {
            if (r.path().equals("/v1/rest/mgmt")) {
                String csl = new JsonObject(r.text()).getString("csl");
                if (csl.equals(".get ingestion resources")) {
                    resourceFetches.incrementAndGet();
                    return v1Table("ResourceTypeName", "StorageRoot", storage.resourceRows());
                }
                if (csl.equals(".get kusto identity token")) {
                    return v1Table("AuthorizationContext", null, List.of(List.of(IDENTITY_TOKEN)));
                }
            }
            return streaming.apply(r);
        });
        client = client(Duration.ofHours(1));
    }

    protected KustoClient client(Duration refresh) {
        return KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(kusto.url())
                        .setRequestTimeout(Duration.ofSeconds(5))
                        .setIngestionResourcesRefresh(refresh));
    }

    static FakeKusto.Reply v1Table(String col1, String col2, List<List<Object>> rows) {
        JsonArray cols =
                new JsonArray().add(new JsonObject().put("ColumnName", col1).put("DataType", "String"));
        if (col2 != null) {
            cols.add(new JsonObject().put("ColumnName", col2).put("DataType", "String"));
        }
        JsonArray rs = new JsonArray();
        rows.forEach(r -> rs.add(new JsonArray(new ArrayList<>(r))));
        return FakeKusto.Reply.json(
                200,
                new JsonObject()
                        .put(
                                "Tables",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("TableName", "Table_0")
                                                .put("Columns", cols)
                                                .put("Rows", rs)))
                        .encode());
    }

    @AfterEach
    void stop() throws Exception {
        storage.close();
        kusto.close();
        await(vertx.close());
    }

    static IngestOptions queued() {
        return new IngestOptions()
                .setMode(IngestMode.QUEUED)
                .setInitialBackoff(Duration.ofMillis(5))
                .setMaxBackoff(Duration.ofMillis(20));
    }
}

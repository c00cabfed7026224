package io.kustotyped.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.AzureAuthorityHosts;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The provider over a fake {@link TokenCredential}, used by a real {@link KustoClient} against a loopback server
 * that records the {@code Authorization} header of every request.
 */
class AzureIdentityTokenProviderTest {

    private static final String TOKEN_1 = "eyJhbGciOiJub25lIn0.first-secret.sig";
    private static final String TOKEN_2 = "eyJhbGciOiJub25lIn0.second-secret.sig";

    private Vertx vertx;
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        Logger.getLogger("io.kustotyped").setLevel(Level.ALL);
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(req -> {
                    authorizations.add(String.valueOf(req.getHeader("Authorization")));
                    req.response()
                            .putHeader("Content-Type", "application/json")
                            .end("{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":"
                                    + "[{\"ColumnName\":\"BuildVersion\",\"DataType\":\"String\"}],"
                                    + "\"Rows\":[[\"1.0\"]]}]}");
                })
                .listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** A credential whose answers the test scripts, counting calls and remembering the scopes asked for. */
    private static final class FakeCredential implements TokenCredential {
        final AtomicInteger calls = new AtomicInteger();
        final List<List<String>> scopes = new CopyOnWriteArrayList<>();
        volatile Function<Integer, Mono<AccessToken>> answer;

        FakeCredential(Function<Integer, Mono<AccessToken>> answer) {
            this.answer = answer;
        }

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            scopes.add(request.getScopes());
            return answer.apply(calls.incrementAndGet());
        }
    }

    private KustoClient client(AzureIdentityTokenProvider tokens) {
        // the provider's scope is for a remote cluster; requests go to the loopback server
        return KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl("http://127.0.0.1:" + server.actualPort())
                        .setTokenProvider(tokens));
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static Throwable failure(Future<?> f) throws Exception {
        try {
            await(f);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void theScopeIsTheClusterUriWithoutPortOrPath() {
        assertEquals(
                "https://mycluster.westeurope.kusto.windows.net/.default",
                AzureIdentityTokenProvider.scopeFor("https://MyCluster.westeurope.kusto.windows.net:443/MyDb/"));
        assertEquals(
                "https://help.chinaeast2.kusto.chinacloudapi.cn/.default",
                AzureIdentityTokenProvider.scopeFor("https://help.chinaeast2.kusto.chinacloudapi.cn"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AzureIdentityTokenProvider.scopeFor("mycluster.kusto.windows.net"));
        assertTrue(e.getMessage().contains("'mycluster.kusto.windows.net'"), e.getMessage());
    }

    @Test
    void nationalCloudsNameTheirAuthorityHost() {
        assertEquals(
                Optional.of(AzureAuthorityHosts.AZURE_GOVERNMENT),
                AzureIdentityTokenProvider.authorityHostFor("https://c.usgovvirginia.kusto.usgovcloudapi.net"));
        assertEquals(
                Optional.of(AzureAuthorityHosts.AZURE_CHINA),
                AzureIdentityTokenProvider.authorityHostFor("https://c.chinaeast2.kusto.chinacloudapi.cn"));
        assertEquals(Optional.empty(), AzureIdentityTokenProvider.authorityHostFor("https://c.kusto.windows.net"));
    }

    @Test
    void theClientCachesTheTokenUntilShortlyBeforeExpiryThenRefreshes() throws Exception {
        // Two seconds of life: the client refreshes at half of it (docs: 5 minutes, or half the remaining life).
        FakeCredential credential = new FakeCredential(n -> Mono.just(
                new AccessToken(n == 1 ? TOKEN_1 : TOKEN_2, OffsetDateTime.now().plusSeconds(2))));
        AzureIdentityTokenProvider tokens =
                AzureIdentityTokenProvider.create(credential, "https://mycluster.westeurope.kusto.windows.net");
        KustoClient client = client(tokens);

        await(client.executeMgmt("db", ".show version"));
        await(client.executeMgmt("db", ".show version"));
        assertEquals(List.of("Bearer " + TOKEN_1, "Bearer " + TOKEN_1), authorizations);
        assertEquals(1, credential.calls.get(), "the second request reuses the cached token");
        assertEquals(List.of(List.of("https://mycluster.westeurope.kusto.windows.net/.default")), credential.scopes);

        Thread.sleep(1_200); // past the refresh point, before expiry
        await(client.executeMgmt("db", ".show version"));
        assertEquals("Bearer " + TOKEN_2, authorizations.get(2));
        assertEquals(2, credential.calls.get());
        assertNoTokenLogged();
    }

    @Test
    void aFailureNamesTheCredentialAndScopeAndIsNotCached() throws Exception {
        FakeCredential credential = new FakeCredential(n -> n == 2
                ? Mono.error(new ClientAuthenticationException("AADSTS700016: Application not found", null))
                : Mono.just(new AccessToken(
                        n == 1 ? TOKEN_1 : TOKEN_2, OffsetDateTime.now().plusNanos(1))));
        AzureIdentityTokenProvider tokens =
                AzureIdentityTokenProvider.create(credential, "https://mycluster.westeurope.kusto.windows.net");
        KustoClient client = client(tokens);
        await(client.executeMgmt("db", ".show version")); // TOKEN_1, already expired: not kept

        Throwable e = failure(client.executeMgmt("db", ".show version"));
        TokenAcquisitionException t = assertInstanceOf(TokenAcquisitionException.class, e);
        assertEquals(
                "FakeCredential (scope https://mycluster.westeurope.kusto.windows.net/.default) could not get a "
                        + "token: AADSTS700016: Application not found",
                t.getMessage());
        assertInstanceOf(ClientAuthenticationException.class, t.getCause());
        assertEquals(1, authorizations.size(), "nothing is sent without a token");

        await(client.executeMgmt("db", ".show version")); // the next call asks the credential again
        assertEquals("Bearer " + TOKEN_2, authorizations.get(1));
        assertEquals(3, credential.calls.get());
        assertFalse(stackTrace(e).contains(TOKEN_1), "the failure does not carry the earlier token");
        assertNoTokenLogged();
    }

    @Test
    void aCredentialThatBlocksRunsOffTheEventLoopAndTheAnswerComesBackOnTheCallersContext() throws Exception {
        List<String> subscribedOn = new CopyOnWriteArrayList<>();
        FakeCredential credential = new FakeCredential(n -> Mono.fromCallable(() -> {
            subscribedOn.add(Thread.currentThread().getName());
            Thread.sleep(200); // as the Azure CLI credential does while `az` runs
            return new AccessToken(TOKEN_1, OffsetDateTime.now().plusHours(1));
        }));
        AzureIdentityTokenProvider tokens =
                AzureIdentityTokenProvider.create(credential, "https://mycluster.kusto.windows.net");
        Context ctx = vertx.getOrCreateContext();
        CompletableFuture<Boolean> sameContext = new CompletableFuture<>();
        AtomicInteger timerTicks = new AtomicInteger();
        ctx.runOnContext(v -> {
            long timer = vertx.setPeriodic(10, id -> timerTicks.incrementAndGet());
            tokens.getToken().onComplete(ar -> {
                vertx.cancelTimer(timer);
                sameContext.complete(ar.succeeded() && Vertx.currentContext() == ctx);
            });
        });
        assertTrue(sameContext.get(10, TimeUnit.SECONDS), "completed with the token, on the caller's context");
        assertEquals(1, subscribedOn.size());
        assertFalse(subscribedOn.get(0).contains("eventloop"), "subscribed on " + subscribedOn.get(0));
        assertTrue(timerTicks.get() >= 5, "the event loop kept running while the credential blocked");
    }

    @Test
    void anEmptyAnswerOrNoAnswerInTimeFailsClearly() throws Exception {
        AzureIdentityTokenProvider empty = AzureIdentityTokenProvider.create(
                new FakeCredential(n -> Mono.empty()), "https://mycluster.kusto.windows.net");
        Throwable e1 = failure(empty.getToken());
        assertEquals(
                "FakeCredential (scope https://mycluster.kusto.windows.net/.default) returned no token",
                e1.getMessage());

        AzureIdentityTokenProvider never = AzureIdentityTokenProvider.create(
                        new FakeCredential(n -> Mono.never()), "https://mycluster.kusto.windows.net")
                .withTimeout(Duration.ofMillis(100));
        Throwable e2 = failure(never.getToken());
        assertInstanceOf(TokenAcquisitionException.class, e2);
        assertTrue(e2.getMessage().endsWith("gave no token within PT0.1S"), e2.getMessage());
    }

    @Test
    void theTokenIsNeverInToStringOrLogs() throws Exception {
        FakeCredential credential = new FakeCredential(
                n -> Mono.just(new AccessToken(TOKEN_1, OffsetDateTime.now().plusHours(1))));
        AzureIdentityTokenProvider tokens =
                AzureIdentityTokenProvider.withScope(credential, "https://kusto.kusto.windows.net/.default");
        io.kustotyped.runtime.AccessToken t = await(tokens.getToken());
        assertEquals(TOKEN_1, t.token());
        assertFalse(t.toString().contains(TOKEN_1));
        assertFalse(tokens.toString().contains(TOKEN_1));
        assertEquals(
                "AzureIdentityTokenProvider[FakeCredential (scope https://kusto.kusto.windows.net/.default)]",
                tokens.toString());
        assertSame(credential, tokens.credential());
        assertNotEquals(0, t.expiresAt().getEpochSecond());
        assertNoTokenLogged();
    }

    private void assertNoTokenLogged() {
        List<String> texts = new ArrayList<>();
        for (LogRecord r : logged) {
            texts.add(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    texts.add(String.valueOf(p));
                }
            }
            if (r.getThrown() != null) {
                texts.add(stackTrace(r.getThrown()));
            }
        }
        for (String text : texts) {
            assertFalse(text.contains(TOKEN_1) || text.contains(TOKEN_2), "a token was logged: " + text);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}

package io.kustotyped.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.http.BoundedBody;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.http.Responses;
import io.kustotyped.emulator.http.StatsCollector;
import io.kustotyped.emulator.ingest.FaultInjector;
import io.kustotyped.emulator.ingest.IngestHandler;
import io.kustotyped.emulator.ingest.SchemaPropagation;
import io.kustotyped.emulator.ingest.Utf8;
import io.kustotyped.emulator.kql.KqlService;
import io.kustotyped.emulator.queue.QueuedIngestion;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.JsonLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side: routing, auth, correlation headers, request bodies of the mgmt/query endpoints, and the mapping of
 * failures to responses. Endpoints:
 * <ul>
 *   <li>{@code POST /v1/rest/ingest/{db}/{table}}: {@link IngestHandler};</li>
 *   <li>{@code POST /v1/rest/mgmt}, {@code GET|POST /v1/rest/query}, {@code GET|POST /v2/rest/query}: {@link KqlService};</li>
 *   <li>{@code GET /v1/rest/auth/metadata} (docs/kusto-rules.md §6.4), never needing auth;</li>
 *   <li>{@code GET /emulator/stats}: the {@link EmulatorStats} JSON.</li>
 * </ul>
 */
final class EmulatorServer {
    private static final Logger LOG = Logger.getLogger(EmulatorServer.class.getName());
    private static final JsonMapper JSON = JsonLimits.mapper();
    /** Largest mgmt/query request body; mappings are the biggest thing sent there. */
    private static final long MAX_COMMAND_BODY = 16L * 1024 * 1024;

    private static final String METADATA = "{\"AzureAD\":{\"LoginEndpoint\":\"https://login.microsoftonline.com\","
            + "\"LoginMfaRequired\":false,\"KustoClientAppId\":\"db662dc1-0cfe-4e1c-a843-19a68e65be58\","
            + "\"KustoClientRedirectUri\":\"https://microsoft/kustoclient\","
            + "\"KustoServiceResourceId\":\"https://kusto.kusto.windows.net\","
            + "\"FirstPartyAuthorityUrl\":\"https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a\"},"
            + "\"dSTS\":{\"CloudEndpointSuffix\":\"windows.net\",\"DstsRealm\":\"realm://dsts.core.windows.net\","
            + "\"DstsInstance\":\"prod-dsts.dsts.core.windows.net\",\"KustoDnsHostName\":\"kusto.windows.net\","
            + "\"ServiceDnsHostName\":\"kusto.windows.net\"}}";

    private final Vertx vertx;
    private final Auth auth;
    private final KqlService kql;
    private final IngestHandler ingest;
    private final StatsCollector stats;
    private final ConnectionGuard guard;
    private HttpServer server;
    private HttpServer tlsServer;
    private volatile QueuedIngestion dataManagement;

    EmulatorServer(Vertx vertx, Catalog catalog, String token, KustoEmulator.Builder options, StatsCollector stats) {
        this.vertx = vertx;
        this.auth = new Auth(token);
        SchemaPropagation propagation = new SchemaPropagation(options.schemaPropagationDelay);
        this.kql = new KqlService(catalog, propagation, options.queryRecordLimit);
        this.stats = stats;
        this.ingest = new IngestHandler(
                vertx,
                catalog,
                options.limits.maxRequestBytes(),
                options.limits.maxDataBytes(),
                new FaultInjector(options.faults),
                stats,
                propagation);
        this.guard = new ConnectionGuard(vertx, options.connectionLimits);
    }

    /** Turns on the Data Management commands (queued ingestion). */
    void dataManagement(QueuedIngestion dm) {
        this.dataManagement = dm;
    }

    private String management(String db, String csl, RequestInfo info) {
        if (QueuedIngestion.isDmCommand(csl)) {
            QueuedIngestion dm = dataManagement;
            if (dm == null) {
                throw KustoErrors.syntaxError("'" + csl.strip() + "': queued ingestion is off in this emulator; start "
                        + "it with --queued-storage (builder: queuedStorage()).");
            }
            return dm.answer(csl);
        }
        return kql.management(db, csl, info);
    }

    Future<HttpServer> listen(String host, int port) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setCompressionSupported(true) // responses honour Accept-Encoding (docs/kusto-rules.md §6.3)
                .setDecompressionSupported(false) // ingest bodies are decompressed with a bounded inflater
                .setHandle100ContinueAutomatically(false) // the ingest handler answers 100 only after its checks
                // HTTP/1.1 only: with h2c, Vert.x sees a connection only once its first bytes arrive, so a connection
                // that never sends anything would escape the header timeout (ConnectionGuard).
                .setHttp2ClearTextEnabled(false);
        server = vertx.createHttpServer(options)
                .connectionHandler(guard::connected)
                .requestHandler(this::handle);
        return server.listen();
    }

    /**
     * Listens for HTTPS as well, on its own port, with the same endpoints and state as the plain server.
     *
     * @param host the address
     * @param port the port, 0 for a free one
     * @param certificate the certificate and key it serves
     * @return completes once it listens
     */
    Future<HttpServer> listenTls(String host, int port, TlsCertificate certificate) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(true)
                .setKeyCertOptions(certificate.keyCertOptions())
                .setUseAlpn(false) // HTTP/1.1, as on the plain port
                .setCompressionSupported(true)
                .setDecompressionSupported(false)
                .setHandle100ContinueAutomatically(false);
        // The same connection guard (limits, header and idle timeouts) as the plain port: handle() serves only
        // connections the guard knows.
        tlsServer = vertx.createHttpServer(options)
                .connectionHandler(guard::connected)
                .requestHandler(this::handle);
        return tlsServer.listen();
    }

    Future<Void> close() {
        Future<Void> plain = server == null ? Future.succeededFuture() : server.close();
        Future<Void> tls = tlsServer == null ? Future.succeededFuture() : tlsServer.close();
        return Future.join(plain, tls).mapEmpty();
    }

    private void handle(HttpServerRequest req) {
        stats.request();
        RequestInfo info =
                new RequestInfo(clientRequestId(req), UUID.randomUUID().toString(), auth.principal());
        if (!guard.requestStarted(req, info)) {
            return; // its connection was refused or timed out and is closing
        }
        String path = req.path();
        HttpMethod method = req.method();
        if (method == HttpMethod.GET && path.equals("/v1/rest/auth/metadata")) {
            Responses.json(req, info, 200, METADATA);
            return;
        }
        if (!auth.allows(req)) {
            Auth.deny(req, info);
            return;
        }
        try {
            if (IngestHandler.matches(path)) {
                requireMethod(method, HttpMethod.POST);
                ingest.handle(req, info);
            } else if (path.equals("/v1/rest/mgmt")) {
                requireMethod(method, HttpMethod.POST);
                command(req, info, Kind.MGMT);
            } else if (path.equals("/v1/rest/query") || path.equals("/v2/rest/query")) {
                if (method != HttpMethod.GET) {
                    requireMethod(method, HttpMethod.POST);
                }
                command(req, info, path.startsWith("/v1") ? Kind.QUERY_V1 : Kind.QUERY_V2);
            } else if (path.equals("/emulator/stats") && method == HttpMethod.GET) {
                Responses.json(req, info, 200, EmulatorStats.of(stats).toJson().toString());
            } else {
                throw new KustoError(
                        404,
                        "NotFound",
                        "The requested resource was not found.",
                        "Kusto.Common.Svc.Exceptions.NotFoundException",
                        "No endpoint " + method + " " + path
                                + " in the emulator. Endpoints: POST /v1/rest/ingest/{db}/{table}, POST /v1/rest/mgmt, "
                                + "GET|POST /v1/rest/query, GET|POST /v2/rest/query, GET /v1/rest/auth/metadata, "
                                + "GET /emulator/stats.",
                        true);
            }
        } catch (KustoError e) {
            Responses.error(req, info, e);
        }
    }

    private static void requireMethod(HttpMethod actual, HttpMethod expected) {
        if (actual != expected) {
            throw new KustoError(
                    405,
                    "MethodNotAllowed",
                    "The HTTP method is not allowed.",
                    "Kusto.Common.Svc.Exceptions.MethodNotAllowedException",
                    "Use " + expected + ", not " + actual + ".",
                    true);
        }
    }

    private static String clientRequestId(HttpServerRequest req) {
        String id = req.getHeader("x-ms-client-request-id");
        return id == null || id.isBlank() ? "KTE.emulator;" + UUID.randomUUID() : id;
    }

    private enum Kind {
        MGMT,
        QUERY_V1,
        QUERY_V2
    }

    /** docs/kusto-rules.md §6.1: a JSON body {"db","csl","properties"}; GET takes db and csl as query parameters. */
    private void command(HttpServerRequest req, RequestInfo info, Kind kind) {
        if (req.method() == HttpMethod.GET) {
            run(req, info, kind, req.getParam("db"), req.getParam("csl"), null);
            return;
        }
        BoundedBody.read(
                vertx,
                req,
                MAX_COMMAND_BODY,
                size -> KustoErrors.payloadTooLarge("A command or query body is limited to " + MAX_COMMAND_BODY
                        + " bytes; this one has " + size + " bytes."),
                e -> Responses.error(req, info, e),
                buffer -> {
                    try {
                        JsonNode body = parseBody(buffer.getBytes());
                        JsonNode db = body.get("db");
                        JsonNode csl = body.get("csl");
                        run(
                                req,
                                info,
                                kind,
                                db == null || db.isNull() ? null : db.asText(),
                                csl == null || csl.isNull() ? null : csl.asText(),
                                options(body.get("properties")));
                    } catch (KustoError e) {
                        Responses.error(req, info, e);
                    }
                });
    }

    private static JsonNode parseBody(byte[] bytes) {
        int invalid = Utf8.firstInvalid(bytes);
        if (invalid >= 0) {
            throw KustoErrors.badRequest(
                    "General_BadRequest",
                    "The request body is not valid UTF-8: " + Utf8.describe(bytes, invalid)
                            + " starts an invalid, overlong or truncated sequence.");
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw KustoErrors.badRequest(
                    "General_BadRequest", "The request body is not valid JSON: " + JsonLimits.describe(e, null));
        } catch (IOException e) {
            throw KustoErrors.badRequest("General_BadRequest", "The request body is not valid JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw KustoErrors.badRequest(
                    "General_BadRequest",
                    "The request body must be a JSON object {\"db\":..,\"csl\":..,\"properties\":..}.");
        }
        JsonNode props = body.get("properties");
        if (props != null && props.isTextual() && !props.textValue().isBlank()) {
            try {
                JSON.readTree(
                        props.textValue()); // a JSON-encoded string is fine (docs/kusto-rules.md §6.1); it must be JSON
            } catch (JsonProcessingException e) {
                throw KustoErrors.badRequest(
                        "General_BadRequest", "'properties' is a string but not JSON: " + JsonLimits.describe(e, null));
            } catch (IOException e) {
                throw KustoErrors.badRequest(
                        "General_BadRequest", "'properties' is a string but not JSON: " + e.getMessage());
            }
        } else if (props != null && !props.isNull() && !props.isObject() && !props.isTextual()) {
            throw KustoErrors.badRequest("General_BadRequest", "'properties' must be an object or a JSON string.");
        }
        return body;
    }

    /** The {@code Options} of the request properties (an object, or a JSON string; parseBody checked it), or null. */
    private static JsonNode options(JsonNode properties) {
        JsonNode props = properties;
        if (props != null && props.isTextual() && !props.textValue().isBlank()) {
            try {
                props = JSON.readTree(props.textValue());
            } catch (IOException e) {
                return null;
            }
        }
        JsonNode options = props == null ? null : props.get("Options");
        return options != null && options.isObject() ? options : null;
    }

    private void run(HttpServerRequest req, RequestInfo info, Kind kind, String db, String csl, JsonNode options) {
        vertx.executeBlocking(
                        () -> switch (kind) {
                            case MGMT -> management(db, csl, info);
                            case QUERY_V1 -> kql.queryV1(db, csl, info);
                            case QUERY_V2 -> kql.queryV2(db, csl, info, options);
                        },
                        false)
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        Responses.json(req, info, 200, ar.result());
                    } else if (ar.cause() instanceof KustoError e) {
                        Responses.error(req, info, e);
                    } else {
                        LOG.log(Level.WARNING, "command failed: " + csl, ar.cause());
                        Responses.error(
                                req,
                                info,
                                new KustoError(
                                        500,
                                        "General_InternalServerError",
                                        "An internal server error occurred.",
                                        "Kusto.Data.Exceptions.KustoServiceException",
                                        "Emulator error: " + ar.cause(),
                                        false));
                    }
                });
    }
}

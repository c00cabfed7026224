package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.ingest.SchemaPropagation;
import io.kustotyped.emulator.store.Catalog;
import java.util.Objects;

/**
 * The emulator's management and query endpoints: {@code POST /v1/rest/mgmt} and {@code /v1|v2/rest/query}
 * (docs/kusto-rules.md §6). The HTTP server hands over the request's {@code db} and {@code csl}; this class parses, runs and
 * renders the v1 or v2 JSON body. Every failure is a {@link KustoError}: unparsable or unsupported text is
 * 400 {@code BadRequest_SyntaxError} with a message listing what the emulator supports, a semantic problem (unknown
 * column, type mismatch) is 400 {@code General_BadRequest}, missing entities have their own codes.
 *
 * <p>Supported commands: see {@link CommandParser#SUPPORTED}; supported queries: {@link QueryParser#SUPPORTED}.
 * Thread-safe: it keeps no state besides the catalog, which is itself thread-safe.
 */
public final class KqlService {
    private final CommandExecutor commands;
    private final QueryExecutor queries;
    private final long recordLimit;

    /**
     * @param catalog the databases the commands and queries act on
     */
    public KqlService(Catalog catalog) {
        this(catalog, SchemaPropagation.NONE);
    }

    /**
     * @param catalog the databases the commands and queries act on
     * @param propagation where schema changes and {@code .clear ... cache streamingingestion schema} are recorded
     */
    public KqlService(Catalog catalog, SchemaPropagation propagation) {
        this(catalog, propagation, 500_000);
    }

    /**
     * @param catalog the databases the commands and queries act on
     * @param propagation where schema changes and {@code .clear ... cache streamingingestion schema} are recorded
     * @param recordLimit the records a v2 query returns before it is truncated (Kusto's default: 500,000)
     */
    public KqlService(Catalog catalog, SchemaPropagation propagation, long recordLimit) {
        Objects.requireNonNull(catalog, "catalog");
        this.recordLimit = recordLimit;
        this.commands = new CommandExecutor(catalog, Objects.requireNonNull(propagation, "propagation"));
        this.queries = new QueryExecutor(catalog);
    }

    /**
     * Runs a management command.
     *
     * @param database the request's {@code db} (the scope of commands that name no database); may be null
     * @param csl the command text, starting with {@code .}
     * @param info the request's correlation ids
     * @return the v1 JSON response body
     * @throws KustoError for anything the command cannot do
     */
    public String management(String database, String csl, RequestInfo info) {
        Command command = parse(csl, CommandParser::parse);
        return V1Writer.management(commands.execute(database, command));
    }

    /**
     * Runs a query and renders the v1 response (result, {@code @ExtendedProperties}, {@code QueryStatus},
     * {@code TableOfContents}; docs/kusto-rules.md §6.2).
     *
     * @param database the request's {@code db}
     * @param csl the query text
     * @param info the request's correlation ids
     * @return the v1 JSON response body
     * @throws KustoError for anything the query cannot do
     */
    public String queryV1(String database, String csl, RequestInfo info) {
        Query query = parse(csl, QueryParser::parse);
        return V1Writer.query(queries.execute(database, query), info);
    }

    /**
     * Runs a query and renders the v2 frames (docs/kusto-rules.md §6.3).
     *
     * @param database the request's {@code db}
     * @param csl the query text
     * @param info the request's correlation ids
     * @return the v2 JSON response body (an array of frames)
     * @throws KustoError for anything the query cannot do
     */
    public String queryV2(String database, String csl, RequestInfo info) {
        return queryV2(database, csl, info, null);
    }

    /**
     * Runs a query and renders the v2 frames, truncating the result as Kusto does
     * (https://learn.microsoft.com/kusto/concepts/query-limits): past the record limit, the rows up to it and a
     * {@code LimitsExceeded} error. The request options {@code notruncation: true} and
     * {@code truncationmaxrecords: N} lift or change the limit.
     *
     * @param database the request's {@code db}
     * @param csl the query text
     * @param info the request's correlation ids
     * @param options the {@code Options} object of the request properties, or null
     * @return the v2 JSON response body (an array of frames)
     * @throws KustoError for anything the query cannot do
     */
    public String queryV2(String database, String csl, RequestInfo info, JsonNode options) {
        Query query = parse(csl, QueryParser::parse);
        long limit = recordLimit;
        if (options != null) {
            JsonNode max = options.get("truncationmaxrecords");
            if (max != null && max.canConvertToLong()) {
                limit = max.asLong();
            }
            JsonNode off = options.get("notruncation");
            if (off != null && (off.asBoolean(false) || off.asText().equalsIgnoreCase("true"))) {
                limit = Long.MAX_VALUE;
            }
        }
        return V2Writer.query(queries.execute(database, query), info, limit);
    }

    private static <T> T parse(String csl, java.util.function.Function<String, T> parser) {
        if (csl == null || csl.isBlank()) {
            throw KustoErrors.syntaxError("The request has no command or query text: set 'csl' in the body.");
        }
        try {
            return parser.apply(csl);
        } catch (KqlSyntaxException e) {
            throw KustoErrors.syntaxError("Syntax error: " + e.getMessage());
        }
    }
}

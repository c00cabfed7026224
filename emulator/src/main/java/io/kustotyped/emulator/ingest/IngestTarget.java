package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.Table;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the header checks of an ingest request resolved. {@link #check} runs them in the order of docs/kusto-rules.md
 * §9.2 (auth is the server's, size the handler's): request syntax, database, table, streaming policy (table overrides
 * database), mapping, format, encoding.
 *
 * @param table the target table
 * @param format the stream format
 * @param mapping the ingestion mapping, or null
 * @param contentEncoding the {@code Content-Encoding} header, or null
 */
record IngestTarget(Table table, IngestFormat format, IngestionMapping mapping, String contentEncoding) {

    /**
     * Checks an ingest request's path, parameters and headers.
     *
     * @throws KustoError the first check that fails
     */
    static IngestTarget check(HttpServerRequest req, String prefix, Catalog catalog, SchemaPropagation propagation) {
        String[] parts = req.path().substring(prefix.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw KustoErrors.badRequest(
                    "General_BadRequest",
                    "The ingest path must be /v1/rest/ingest/{database}/{table}, not '" + req.path() + "'.");
        }
        String dbName = PathCodec.decode(parts[0]);
        String tableName = PathCodec.decode(parts[1]);
        if ("uri".equalsIgnoreCase(req.getParam("sourceKind"))) {
            throw KustoErrors.badRequest(
                    "BadRequest_IngestionPropertyNotSupportedInThisContext",
                    "sourceKind=uri (ingesting from a blob) is not supported by the emulator; send the data in the body.");
        }
        IngestFormat format = IngestFormat.parse(req.getParam("streamFormat"));
        Database db = catalog.database(dbName);
        if (db == null) {
            throw KustoErrors.databaseNotExist(dbName);
        }
        Table table = db.table(tableName);
        if (table == null) {
            throw KustoErrors.tableNotExist(db.name(), tableName);
        }
        propagation.checkTable(db.name(), table.name());
        if (!table.streamingEnabled()) {
            throw KustoErrors.streamingPolicyNotEnabled(db.name(), tableName);
        }
        propagation.checkStreamingPolicy(db.name(), table.name(), table.streamingPolicy() != null);
        IngestionMapping mapping = resolveMapping(db, table, format, req.getParam("mappingName"));
        if (mapping != null) {
            boolean tableScope = table.mapping(mapping.kind(), mapping.name()) == mapping;
            propagation.checkMapping(db.name(), tableScope ? table.name() : null, mapping.kind(), mapping.name());
        }
        if (!format.implemented()) {
            throw KustoErrors.formatNotSupported("streamFormat '" + format.wireName() + "' is valid for Kusto but "
                    + "the emulator does not implement it. Supported: " + IngestFormat.implementedNames() + ".");
        }
        String encoding = req.getHeader("Content-Encoding");
        BodyDecoder.checkEncoding(encoding);
        return new IngestTarget(table, format, mapping, encoding);
    }

    /** docs/kusto-rules.md §9.1.3: table scope before database scope; the kind must match the format. */
    static IngestionMapping resolveMapping(Database db, Table table, IngestFormat format, String name) {
        if (name == null || name.isEmpty()) {
            if (format.requiresMapping()) {
                throw KustoErrors.badRequest(
                        "BadRequest_MappingReferenceWasNotFound",
                        "streamFormat '"
                                + format.wireName()
                                + "' requires the 'mappingName' query parameter: the name of a pre-created "
                                + format.mappingKind().toLowerCase(java.util.Locale.ROOT)
                                + " ingestion mapping on table '"
                                + table.name() + "' (streaming ingestion does not accept inline mappings).");
            }
            return null;
        }
        IngestionMapping m = table.mapping(format.mappingKind(), name);
        if (m == null) {
            m = db.mapping(format.mappingKind(), name);
        }
        if (m == null) {
            throw KustoErrors.mappingNotFound(db.name(), name, format.mappingKind());
        }
        return m;
    }
}

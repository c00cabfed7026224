package io.kustotyped.runtime;

import io.kustotyped.runtime.SchemaReport.Drift;
import io.kustotyped.runtime.SchemaReport.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** {@code applySchema} and {@code checkSchema}. Internal. */
final class SchemaOps {

    private SchemaOps() {}

    /** Attempts of the cache-clearing command while a node answers {@code Failed}. */
    static final int CLEAR_CACHE_ATTEMPTS = 3;

    /**
     * Runs the generated commands in order, stopping at the first failure, then clears the table's streaming
     * ingestion schema cache so that an ingest right after sees the new table, mapping and policy instead of
     * failing for minutes (docs/kusto-rules.md §1.6).
     */
    public static Future<Void> apply(KustoClient client, String database, TableSchema table) {
        Future<Void> chain = Future.succeededFuture();
        for (String command : table.schemaCommands()) {
            chain = chain.compose(v -> client.executeMgmt(database, command).<Void>mapEmpty());
        }
        return chain.compose(v -> clearStreamingSchemaCache(client, database, table.tableName(), 1));
    }

    /**
     * Runs {@link Kql#clearStreamingSchemaCache}; it answers one row per node, and a node that answers {@code Failed} means the
     * command should run again, which is safe (docs/kusto-rules.md §1.6).
     */
    private static Future<Void> clearStreamingSchemaCache(
            KustoClient client, String database, String tableName, int attempt) {
        String command = Kql.clearStreamingSchemaCache(tableName);
        return client.executeMgmt(database, command).compose(result -> {
            int failed = 0;
            int status = result.columns().stream().map(c -> c.name()).toList().indexOf("Status");
            for (int r = 0; status >= 0 && r < result.rowCount(); r++) {
                if (!"Succeeded"
                        .equalsIgnoreCase(Objects.toString(result.rows().get(r).get(status), ""))) {
                    failed++;
                }
            }
            if (failed == 0) {
                return Future.succeededFuture();
            }
            if (attempt >= CLEAR_CACHE_ATTEMPTS) {
                return Future.failedFuture(new IllegalStateException("'" + command + "' did not succeed on " + failed
                        + " of " + result.rowCount() + " nodes after " + attempt + " attempts; streaming ingestion"
                        + " into '" + tableName + "' may fail for a few minutes. Run it again, or wait."));
            }
            return client.vertx()
                    .timer(500L * attempt)
                    .compose(t -> clearStreamingSchemaCache(client, database, tableName, attempt + 1));
        });
    }

    /** The command among the generated ones that enables the streaming policy, or null. */
    static String policyCommand(TableSchema t) {
        return find(t, "policy streamingingestion");
    }

    static String mappingCommand(TableSchema t) {
        return find(t, "ingestion json mapping");
    }

    static String tableCommand(TableSchema t) {
        for (String c : t.schemaCommands()) {
            String s = c.trim().toLowerCase(Locale.ROOT);
            if (s.startsWith(".create") && !s.contains("mapping") && !s.contains("policy")) {
                return c;
            }
        }
        return null;
    }

    private static String find(TableSchema t, String needle) {
        for (String c : t.schemaCommands()) {
            if (c.toLowerCase(Locale.ROOT).contains(needle)) {
                return c;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ drift check

    /** Reads the live schema, mappings and policies and compares them with the generated ones. */
    public static Future<SchemaReport> check(KustoClient client, String database, TableSchema t) {
        String q = Kql.bracket(t.tableName());
        List<Drift> drifts = new ArrayList<>();
        return client.executeMgmt(database, ".show table " + q + " cslschema")
                .transform(ar -> {
                    if (ar.failed()) {
                        if (ar.cause() instanceof KustoServiceException k && isNotFound(k)) {
                            drifts.add(new Drift(
                                    Kind.TABLE_MISSING,
                                    "table '" + t.tableName() + "' does not exist in database '" + database + "'",
                                    String.join(" ; ", t.schemaCommands())));
                            return Future.succeededFuture(false);
                        }
                        return Future.failedFuture(ar.cause());
                    }
                    compareColumns(ar.result(), t, drifts);
                    return Future.succeededFuture(true);
                })
                .compose(exists -> !exists
                        ? Future.succeededFuture()
                        : client.executeMgmt(database, ".show table " + q + " ingestion json mappings")
                                .map(m -> {
                                    compareMapping(m, t, drifts);
                                    return null;
                                })
                                .compose(v ->
                                        client.executeMgmt(database, ".show table " + q + " policy streamingingestion"))
                                .compose(tp -> {
                                    Boolean tableEnabled = policyEnabled(tp);
                                    if (tableEnabled != null) {
                                        return Future.succeededFuture(tableEnabled);
                                    }
                                    // No table policy: the database's applies (docs/kusto-rules.md §1.6).
                                    return client.executeMgmt(
                                                    database,
                                                    ".show database " + Kql.bracket(database)
                                                            + " policy streamingingestion")
                                            .map(dp -> Boolean.TRUE.equals(policyEnabled(dp)));
                                })
                                .map(enabled -> {
                                    if (!enabled) {
                                        drifts.add(new Drift(
                                                Kind.STREAMING_DISABLED,
                                                "streaming ingestion is not enabled on " + "table '" + t.tableName()
                                                        + "' nor on database '" + database + "'",
                                                policyCommand(t)));
                                    }
                                    return null;
                                }))
                .map(v -> new SchemaReport(database, t.tableName(), drifts));
    }

    private static boolean isNotFound(KustoServiceException k) {
        // A missing database is not a missing table: the whole check then fails with the service's error.
        return ErrorRules.classify(k).hint() == ErrorRules.Hint.TABLE_MISSING;
    }

    private static void compareColumns(KustoResultTable r, TableSchema t, List<Drift> drifts) {
        String schema = r.rowCount() == 0 ? "" : Objects.toString(r.value(0, "Schema"), "");
        Map<String, String> live = parseCslSchema(schema);
        String fix = tableCommand(t);
        for (ColumnDescriptor c : t.columns()) {
            String liveType = live.get(c.name());
            if (liveType == null) {
                drifts.add(new Drift(
                        Kind.COLUMN_MISSING,
                        "column '" + c.name() + "' (" + c.kustoType() + ") is missing from table '" + t.tableName()
                                + "'",
                        fix));
            } else if (!normalizeType(liveType).equals(normalizeType(c.kustoType()))) {
                drifts.add(new Drift(
                        Kind.COLUMN_TYPE_DIFFERS,
                        "column '" + c.name() + "' is " + liveType + " in the table but " + c.kustoType()
                                + " in the class",
                        null));
            }
        }
        for (String name : live.keySet()) {
            if (t.columns().stream().noneMatch(c -> c.name().equals(name))) {
                drifts.add(new Drift(Kind.EXTRA_COLUMN, "table column '" + name + "' is not in the class", null));
            }
        }
    }

    /** Parses {@code a:string,['b c']:long} into name to type, in order. */
    static Map<String, String> parseCslSchema(String schema) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = schema.length();
        while (i < n) {
            while (i < n && (schema.charAt(i) == ',' || schema.charAt(i) == ' ')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder name = new StringBuilder();
            if (schema.charAt(i) == '[' && i + 1 < n && (schema.charAt(i + 1) == '\'' || schema.charAt(i + 1) == '"')) {
                char q = schema.charAt(i + 1);
                i += 2;
                while (i < n && schema.charAt(i) != q) {
                    if (schema.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    name.append(schema.charAt(i++));
                }
                i += 2; // quote and ]
            } else {
                while (i < n && schema.charAt(i) != ':') {
                    name.append(schema.charAt(i++));
                }
            }
            while (i < n && schema.charAt(i) != ':') {
                i++;
            }
            i++;
            StringBuilder type = new StringBuilder();
            while (i < n && schema.charAt(i) != ',') {
                type.append(schema.charAt(i++));
            }
            out.put(name.toString().trim(), type.toString().trim());
        }
        return out;
    }

    /** Kusto type aliases to their canonical names (docs/kusto-rules.md §4.1). */
    static String normalizeType(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "boolean" -> "bool";
            case "date" -> "datetime";
            case "uuid", "uniqueid" -> "guid";
            case "int32" -> "int";
            case "int64" -> "long";
            case "double", "float" -> "real";
            case "time" -> "timespan";
            default -> t;
        };
    }

    private static void compareMapping(KustoResultTable m, TableSchema t, List<Drift> drifts) {
        String fix = mappingCommand(t);
        for (int r = 0; r < m.rowCount(); r++) {
            if (t.mappingName().equals(m.string(r, "Name"))) {
                String kind = m.string(r, "Kind");
                if (kind != null && !kind.equalsIgnoreCase("json")) {
                    drifts.add(new Drift(
                            Kind.MAPPING_DIFFERS,
                            "mapping '" + t.mappingName() + "' is of kind " + kind + ", not Json",
                            fix));
                    return;
                }
                Map<String, String> live = mappingElements(m.string(r, "Mapping"));
                Map<String, String> expected = mappingElements(t.mappingJson());
                if (!live.equals(expected)) {
                    List<String> differences = new ArrayList<>();
                    for (Map.Entry<String, String> e : expected.entrySet()) {
                        String l = live.get(e.getKey());
                        if (l == null) {
                            differences.add("column '" + e.getKey() + "' is not mapped");
                        } else if (!l.equals(e.getValue())) {
                            differences.add(
                                    "column '" + e.getKey() + "' is mapped as " + l + ", expected " + e.getValue());
                        }
                    }
                    for (String k : live.keySet()) {
                        if (!expected.containsKey(k)) {
                            differences.add("column '" + k + "' is mapped but not in the class");
                        }
                    }
                    drifts.add(new Drift(
                            Kind.MAPPING_DIFFERS,
                            "mapping '" + t.mappingName() + "': " + String.join("; ", differences),
                            fix));
                }
                return;
            }
        }
        drifts.add(new Drift(
                Kind.MAPPING_MISSING,
                "table '" + t.tableName() + "' has no json mapping named '" + t.mappingName() + "'",
                fix));
    }

    /** column to "path=..., datatype=..., transform=..." from either mapping form (docs/kusto-rules.md §3.1). */
    static Map<String, String> mappingElements(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonArray array;
        try {
            array = new JsonArray(json);
        } catch (DecodeException | ClassCastException e) {
            out.put("<unparsable mapping>", json);
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject el)) {
                continue;
            }
            JsonObject props = null;
            String column = null;
            String path = null;
            String datatype = null;
            String transform = null;
            for (String key : el.fieldNames()) {
                Object v = el.getValue(key);
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "column" -> column = Objects.toString(v, null);
                    case "path" -> path = Objects.toString(v, null);
                    case "datatype" -> datatype = Objects.toString(v, null);
                    case "transform" -> transform = Objects.toString(v, null);
                    case "properties" -> props = v instanceof JsonObject o ? o : null;
                    default -> {}
                }
            }
            if (props != null) {
                for (String key : props.fieldNames()) {
                    Object v = props.getValue(key);
                    switch (key.toLowerCase(Locale.ROOT)) {
                        case "path" -> path = Objects.toString(v, null);
                        case "transform" -> transform = Objects.toString(v, null);
                        default -> {}
                    }
                }
            }
            String dt = datatype == null || datatype.isBlank() ? "" : normalizeType(datatype);
            out.put(
                    String.valueOf(column),
                    "path=" + path + ", datatype=" + dt
                            + (transform == null || transform.isBlank() || transform.equalsIgnoreCase("None")
                                    ? ""
                                    : ", transform=" + transform));
        }
        return out;
    }

    /** The {@code IsEnabled} of a streaming policy result, or null when no policy is set. */
    static Boolean policyEnabled(KustoResultTable r) {
        if (r.rowCount() == 0) {
            return null;
        }
        Object policy = r.value(0, "Policy");
        if (policy == null) {
            return null;
        }
        JsonObject p;
        if (policy instanceof JsonObject o) {
            p = o;
        } else {
            String s = policy.toString().trim();
            if (s.isEmpty() || s.equals("null")) {
                return null;
            }
            try {
                p = new JsonObject(s);
            } catch (DecodeException e) {
                return null;
            }
        }
        Object enabled = p.getValue("IsEnabled");
        return enabled instanceof Boolean b ? b : enabled != null && Boolean.parseBoolean(enabled.toString());
    }
}

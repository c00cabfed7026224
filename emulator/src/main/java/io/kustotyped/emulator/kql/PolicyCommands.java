package io.kustotyped.emulator.kql;

import static io.kustotyped.emulator.kql.CommandExecutor.table;
import static io.kustotyped.emulator.kql.ResultTable.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.kql.Command.Scope;
import io.kustotyped.emulator.kql.Command.Target;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.JsonLimits;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.kustotyped.emulator.store.Table;
import java.util.List;

/** Streaming ingestion policy commands (docs/kusto-rules.md §1.6). */
final class PolicyCommands {
    private static final ObjectMapper JSON = JsonLimits.mapper();

    private static final List<ResultTable.Column> POLICY_COLUMNS = List.of(
            col("PolicyName", ScalarType.STRING),
            col("EntityName", ScalarType.STRING),
            col("Policy", ScalarType.STRING),
            col("ChildEntities", ScalarType.DYNAMIC),
            col("EntityType", ScalarType.STRING));

    /** Names of the tables of a database, as a JSON array (the {@code ChildEntities} of a database policy row). */
    private static JsonNode tableNames(Database db) {
        com.fasterxml.jackson.databind.node.ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Table t : db.tables()) {
            a.add(t.name());
        }
        return a;
    }

    private PolicyCommands() {}

    static ResultTable alter(Database db, Command.AlterStreamingPolicy c) {
        Table table = c.target().scope() == Scope.TABLE ? table(db, c.target().name()) : null;
        StreamingPolicy next;
        // alter-merge reads and writes the policy: one step per entity.
        synchronized (table != null ? table : db) {
            StreamingPolicy current = table != null ? table.streamingPolicy() : db.streamingPolicy();
            if (c.enable() != null) {
                Double rate = c.merge() && current != null ? current.hintAllocatedRate() : null;
                next = new StreamingPolicy(c.enable(), rate);
            } else {
                next = parsePolicy(c.json(), c.merge() ? current : null);
            }
            if (table != null) {
                table.setStreamingPolicy(next);
            } else {
                db.setStreamingPolicy(next);
            }
        }
        return row(db, table, next);
    }

    static ResultTable delete(Database db, Target target) {
        Table table = target.scope() == Scope.TABLE ? table(db, target.name()) : null;
        if (table != null) {
            table.setStreamingPolicy(null);
        } else {
            db.setStreamingPolicy(null);
        }
        return row(db, table, null);
    }

    static ResultTable show(Database db, Target target) {
        Table table = target.scope() == Scope.TABLE ? table(db, target.name()) : null;
        return row(db, table, table != null ? table.streamingPolicy() : db.streamingPolicy());
    }

    /**
     * Parses {@code {"IsEnabled": true, "HintAllocatedRate": 2.1}} (docs/kusto-rules.md §1.6). Property names are matched
     * ignoring case; with {@code base} (alter-merge) missing properties keep their current value, otherwise
     * {@code IsEnabled} is mandatory.
     */
    static StreamingPolicy parsePolicy(String json, StreamingPolicy base) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw KustoErrors.generalBadRequest("The streaming ingestion policy is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw KustoErrors.generalBadRequest(
                    "The streaming ingestion policy must be a JSON object such as {\"IsEnabled\": true}.");
        }
        Boolean enabled = base == null ? null : base.enabled();
        Double rate = base == null ? null : base.hintAllocatedRate();
        for (var e : root.properties()) {
            JsonNode v = e.getValue();
            switch (e.getKey().toLowerCase(java.util.Locale.ROOT)) {
                case "isenabled" -> {
                    if (!v.isBoolean()) {
                        throw KustoErrors.generalBadRequest(
                                "The streaming ingestion policy property 'IsEnabled' must be true or false.");
                    }
                    enabled = v.booleanValue();
                }
                case "hintallocatedrate" -> {
                    if (!v.isNull() && (!v.isNumber() || v.doubleValue() <= 0)) {
                        throw KustoErrors.generalBadRequest("The streaming ingestion policy property"
                                + " 'HintAllocatedRate' must be a positive number (GB per hour) or null.");
                    }
                    rate = v.isNull() ? null : v.doubleValue();
                }
                default ->
                    throw KustoErrors.generalBadRequest("Unknown streaming ingestion policy property '" + e.getKey()
                            + "'; known: IsEnabled, HintAllocatedRate.");
            }
        }
        if (enabled == null) {
            throw KustoErrors.generalBadRequest(
                    "The streaming ingestion policy needs the mandatory property 'IsEnabled'.");
        }
        return new StreamingPolicy(enabled, rate);
    }

    private static ResultTable row(Database db, Table table, StreamingPolicy policy) {
        String entity = table != null ? "[" + db.name() + "].[" + table.name() + "]" : "[" + db.name() + "]";
        JsonNode children = table != null ? JsonNodeFactory.instance.nullNode() : tableNames(db);
        return new ResultTable("Table_0", POLICY_COLUMNS, List.<Object[]>of(new Object[] {
            "StreamingIngestionPolicy",
            entity,
            policy == null ? "null" : policy.toJson(),
            children,
            table != null ? "Table" : "Database"
        }));
    }
}

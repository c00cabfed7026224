package io.kustotyped.emulator.kql;

import static io.kustotyped.emulator.kql.CommandExecutor.table;
import static io.kustotyped.emulator.kql.ResultTable.col;

import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.kql.Command.Scope;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.MappingParser;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Mapping commands (docs/kusto-rules.md §3.2). */
final class MappingCommands {
    private static final List<ResultTable.Column> TABLE_SCOPE = List.of(
            col("Name", ScalarType.STRING),
            col("Kind", ScalarType.STRING),
            col("Mapping", ScalarType.STRING),
            col("LastUpdatedOn", ScalarType.DATETIME),
            col("Database", ScalarType.STRING),
            col("Table", ScalarType.STRING));

    private MappingCommands() {}

    static ResultTable define(Database db, Command.DefineMapping c) {
        String kind = MappingParser.canonicalKind(c.kind());
        if (!kind.equals("Json") && !kind.equals("Csv")) {
            throw KustoErrors.invalidMapping(
                    "The emulator supports json and csv ingestion mappings only," + " not '" + c.kind() + "'.");
        }
        Table table = c.target().scope() == Scope.TABLE ? table(db, c.target().name()) : null;
        IngestionMapping mapping;
        // The check and the put are one step, so two concurrent .create of one name cannot both succeed.
        synchronized (table != null ? table : db) {
            IngestionMapping existing = table != null ? table.mapping(kind, c.name()) : db.mapping(kind, c.name());
            switch (c.verb()) {
                case CREATE -> {
                    if (existing != null) {
                        throw KustoErrors.duplicateMapping(kind, c.name());
                    }
                }
                case ALTER -> {
                    if (existing == null) {
                        throw KustoErrors.mappingNotFound(db.name(), c.name(), kind);
                    }
                }
                case CREATE_OR_ALTER -> {}
            }
            mapping = IngestionMapping.create(c.name(), kind, c.json(), table);
            if (table != null) {
                table.putMapping(mapping);
            } else {
                db.putMapping(mapping);
            }
        }
        return result(db, table, List.of(mapping));
    }

    static ResultTable show(Database db, Command.ShowMappings c) {
        Table table = c.target().scope() == Scope.TABLE ? table(db, c.target().name()) : null;
        String kind = c.kind() == null ? null : MappingParser.canonicalKind(c.kind());
        if (c.name() != null) {
            IngestionMapping m = table != null ? table.mapping(kind, c.name()) : db.mapping(kind, c.name());
            if (m == null) {
                throw KustoErrors.mappingNotFound(db.name(), c.name(), kind);
            }
            return result(db, table, List.of(m));
        }
        return result(db, table, table != null ? table.mappings(kind) : db.mappings(kind));
    }

    static ResultTable drop(Database db, Command.DropMapping c) {
        Table table = c.target().scope() == Scope.TABLE ? table(db, c.target().name()) : null;
        String kind = MappingParser.canonicalKind(c.kind());
        boolean removed = table != null ? table.dropMapping(kind, c.name()) : db.dropMapping(kind, c.name());
        if (!removed) {
            throw KustoErrors.mappingNotFound(db.name(), c.name(), kind);
        }
        return result(db, table, table != null ? table.mappings(kind) : db.mappings(kind));
    }

    private static ResultTable result(Database db, Table table, Collection<IngestionMapping> mappings) {
        List<ResultTable.Column> columns = table != null ? TABLE_SCOPE : TABLE_SCOPE.subList(0, 5);
        List<Object[]> rows = new ArrayList<>();
        for (IngestionMapping m : mappings) {
            rows.add(
                    table != null
                            ? new Object[] {
                                m.name(), m.kind(), m.mappingJson(), m.lastUpdatedOn(), db.name(), table.name()
                            }
                            : new Object[] {m.name(), m.kind(), m.mappingJson(), m.lastUpdatedOn(), db.name()});
        }
        return new ResultTable("Table_0", columns, rows);
    }
}

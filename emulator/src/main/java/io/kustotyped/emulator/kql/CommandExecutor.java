package io.kustotyped.emulator.kql;

import static io.kustotyped.emulator.kql.ResultTable.col;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.ingest.SchemaPropagation;
import io.kustotyped.emulator.kql.Command.Scope;
import io.kustotyped.emulator.kql.Command.Target;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs parsed management commands against the {@link Catalog} and returns their v1 result table with the columns
 * the reference gives for each command (docs/kusto-rules.md §3.2, §5.1, §1.6, §6).
 */
final class CommandExecutor {

    private static final List<ResultTable.Column> TABLE_COLUMNS = List.of(
            col("TableName", ScalarType.STRING),
            col("Schema", ScalarType.STRING),
            col("DatabaseName", ScalarType.STRING),
            col("Folder", ScalarType.STRING),
            col("DocString", ScalarType.STRING));

    private static final List<ResultTable.Column> DATABASE_COLUMNS = List.of(
            col("DatabaseName", ScalarType.STRING),
            col("PersistentStorage", ScalarType.STRING),
            col("Version", ScalarType.STRING),
            col("IsCurrent", ScalarType.BOOL),
            col("DatabaseAccessMode", ScalarType.STRING),
            col("PrettyName", ScalarType.STRING),
            col("DatabaseId", ScalarType.GUID));

    private final Catalog catalog;
    private final SchemaPropagation propagation;

    CommandExecutor(Catalog catalog, SchemaPropagation propagation) {
        this.catalog = catalog;
        this.propagation = propagation;
    }

    /**
     * Runs a command.
     *
     * @param requestDatabase the request's {@code db}: the scope of commands that name no database
     * @param command the parsed command
     * @return the result table
     * @throws KustoError for a missing entity or a rejected change
     */
    ResultTable execute(String requestDatabase, Command command) {
        String db = requestDatabase;
        if (command instanceof Command.CreateDatabase c) {
            return createDatabase(db, c);
        } else if (command instanceof Command.DropDatabase c) {
            if (!catalog.dropDatabase(c.name()) && !c.ifExists()) {
                throw KustoErrors.databaseNotExist(c.name());
            }
            return showDatabases(db);
        } else if (command instanceof Command.ShowVersion) {
            return new ResultTable(
                    "Table_0",
                    List.of(
                            col("BuildVersion", ScalarType.STRING),
                            col("BuildTime", ScalarType.DATETIME),
                            col("ServiceType", ScalarType.STRING),
                            col("ProductVersion", ScalarType.STRING)),
                    List.<Object[]>of(
                            new Object[] {"1.0.0.0", java.time.Instant.EPOCH, "Engine", "kusto-typed-emulator"}));
        } else if (command instanceof Command.ShowDatabases) {
            return showDatabases(db);
        } else if (command instanceof Command.TableSchema c) {
            Database d = database(db);
            boolean existed = d.table(c.table()) != null;
            ResultTable result = tableSchema(d, c);
            if (!existed) {
                propagation.tableCreated(d.name(), c.table());
            }
            return result;
        } else if (command instanceof Command.AlterTableProperties c) {
            return alterTableProperties(database(db), c);
        } else if (command instanceof Command.DropTable c) {
            return dropTable(database(db), c);
        } else if (command instanceof Command.ShowTables) {
            return showTables(database(db));
        } else if (command instanceof Command.ShowTableSchema c) {
            return showTableSchema(database(db), c);
        } else if (command instanceof Command.DefineMapping c) {
            return defineMapping(scopeDatabase(db, c.target()), c);
        } else if (command instanceof Command.ShowMappings c) {
            return MappingCommands.show(scopeDatabase(db, c.target()), c);
        } else if (command instanceof Command.DropMapping c) {
            return MappingCommands.drop(scopeDatabase(db, c.target()), c);
        } else if (command instanceof Command.AlterStreamingPolicy c) {
            return alterStreamingPolicy(scopeDatabase(db, c.target()), c);
        } else if (command instanceof Command.DeleteStreamingPolicy c) {
            return PolicyCommands.delete(scopeDatabase(db, c.target()), c.target());
        } else if (command instanceof Command.ShowStreamingPolicy c) {
            return PolicyCommands.show(scopeDatabase(db, c.target()), c.target());
        } else if (command instanceof Command.ClearSchemaCache c) {
            return clearCache(scopeDatabase(db, c.target()), c.target());
        }
        throw new IllegalStateException("Unhandled command " + command);
    }

    /** The request's database; 400 {@code BadRequest_DatabaseNotExist} when it is missing. */
    private Database database(String name) {
        if (name == null || name.isEmpty()) {
            throw KustoErrors.badRequest(
                    "BadRequest_DatabaseNotSpecified", "The request names no database: set 'db' in the request body.");
        }
        Database db = catalog.database(name);
        if (db == null) {
            throw KustoErrors.databaseNotExist(name);
        }
        return db;
    }

    /** The database a command acts in: the one a database-scope command names, else the request's. */
    private Database scopeDatabase(String requestDatabase, Target target) {
        if (target.scope() == Scope.DATABASE && target.name() != null) {
            return database(target.name());
        }
        return database(requestDatabase);
    }

    static Table table(Database db, String name) {
        Table t = db.table(name);
        if (t == null) {
            throw KustoErrors.tableNotExist(db.name(), name);
        }
        return t;
    }

    // ---- databases ----

    private ResultTable createDatabase(String requestDatabase, Command.CreateDatabase c) {
        Database db;
        synchronized (catalog) {
            Database existing = catalog.database(c.name());
            if (existing != null && !c.ifNotExists()) {
                throw KustoErrors.badRequest(
                        "BadRequest_EntityAlreadyExists",
                        "Entity '" + c.name()
                                + "' of kind 'Database' already exists. Add 'ifnotexists' to make the command idempotent.");
            }
            db = existing != null ? existing : catalog.createDatabase(c.name(), c.persistent());
        }
        return new ResultTable("Table_0", DATABASE_COLUMNS, List.<Object[]>of(databaseRow(db, requestDatabase)));
    }

    private ResultTable showDatabases(String requestDatabase) {
        List<Object[]> rows = new ArrayList<>();
        for (Database db : catalog.databases()) {
            rows.add(databaseRow(db, requestDatabase));
        }
        return new ResultTable("Table_0", DATABASE_COLUMNS, rows);
    }

    private static Object[] databaseRow(Database db, String requestDatabase) {
        return new Object[] {
            db.name(),
            db.persistent() ? "persistent" : "volatile",
            "v1.0",
            db.name().equalsIgnoreCase(requestDatabase),
            "ReadWrite",
            null,
            UUID.nameUUIDFromBytes(
                    db.name().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        };
    }

    // ---- tables ----

    private static List<ColumnDef> columnDefs(List<Command.ColumnSpec> specs) {
        List<ColumnDef> defs = new ArrayList<>(specs.size());
        for (Command.ColumnSpec s : specs) {
            ScalarType type = ScalarType.parse(s.type());
            if (type == null) {
                throw KustoErrors.syntaxError("Unknown type '" + s.type() + "' for column '" + s.name()
                        + "' (at position " + s.position() + "). Known types: bool, int, long, real, decimal, string,"
                        + " datetime, timespan, guid, dynamic and their aliases.");
            }
            defs.add(new ColumnDef(s.name(), type));
        }
        return defs;
    }

    private ResultTable tableSchema(Database db, Command.TableSchema c) {
        List<ColumnDef> columns = columnDefs(c.columns());
        Table t = switch (c.verb()) {
            // docs/kusto-rules.md §5.1: an existing table is returned unchanged by .create.
            case CREATE -> db.createTable(c.table(), columns, c.folder(), c.docString());
            case CREATE_MERGE -> db.createMergeTable(c.table(), columns, c.folder(), c.docString());
            case ALTER_MERGE -> {
                Table existing = table(db, c.table());
                existing.alterMerge(columns.isEmpty() ? existing.columns() : columns, c.folder(), c.docString());
                yield existing;
            }
        };
        return tableResult(t, Schemas.json(t));
    }

    private ResultTable alterTableProperties(Database db, Command.AlterTableProperties c) {
        Table t = table(db, c.table());
        t.alterMerge(t.columns(), c.folder(), c.docString());
        return tableResult(t, Schemas.json(t));
    }

    private static ResultTable tableResult(Table t, String schema) {
        return new ResultTable("Table_0", TABLE_COLUMNS, List.<Object[]>of(new Object[] {
            t.name(), schema, t.database().name(), nz(t.folder()), nz(t.docString())
        }));
    }

    private ResultTable dropTable(Database db, Command.DropTable c) {
        if (db.table(c.table()) != null || !c.ifExists()) {
            db.dropTable(c.table());
        }
        List<Object[]> rows = new ArrayList<>();
        for (Table t : db.tables()) {
            rows.add(new Object[] {t.name(), db.name()});
        }
        return new ResultTable(
                "Table_0", List.of(col("TableName", ScalarType.STRING), col("DatabaseName", ScalarType.STRING)), rows);
    }

    private ResultTable showTables(Database db) {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : db.tables()) {
            rows.add(new Object[] {t.name(), db.name(), nz(t.folder()), nz(t.docString())});
        }
        return new ResultTable(
                "Table_0",
                List.of(
                        col("TableName", ScalarType.STRING),
                        col("DatabaseName", ScalarType.STRING),
                        col("Folder", ScalarType.STRING),
                        col("DocString", ScalarType.STRING)),
                rows);
    }

    private ResultTable showTableSchema(Database db, Command.ShowTableSchema c) {
        Table t = table(db, c.table());
        String schema = switch (c.format()) {
            case CSL -> Schemas.csl(t);
            case KQL -> "(" + Schemas.csl(t).replace(",", ", ") + ")";
            case JSON -> Schemas.json(t);
        };
        return tableResult(t, schema);
    }

    // ---- schema changes that streaming ingestion sees late (docs/kusto-rules.md §1.6) ----

    private ResultTable defineMapping(Database db, Command.DefineMapping c) {
        String table = c.target().scope() == Scope.TABLE ? c.target().name() : null;
        String before = mappingJson(db, table, c.kind(), c.name());
        ResultTable result = MappingCommands.define(db, c);
        if (before == null || !before.equals(mappingJson(db, table, c.kind(), c.name()))) {
            propagation.mappingChanged(db.name(), table, result.rows().get(0)[1].toString(), c.name());
        }
        return result;
    }

    private static String mappingJson(Database db, String table, String kind, String name) {
        String canonical = io.kustotyped.emulator.store.MappingParser.canonicalKind(kind);
        Table t = table == null ? null : db.table(table);
        IngestionMapping m =
                table == null ? db.mapping(canonical, name) : t == null ? null : t.mapping(canonical, name);
        return m == null ? null : m.mappingJson();
    }

    private ResultTable alterStreamingPolicy(Database db, Command.AlterStreamingPolicy c) {
        String table = c.target().scope() == Scope.TABLE ? c.target().name() : null;
        boolean before = streamingOn(db, table);
        ResultTable result = PolicyCommands.alter(db, c);
        if (!before && streamingOn(db, table)) {
            propagation.streamingEnabled(db.name(), table);
        }
        return result;
    }

    private static boolean streamingOn(Database db, String table) {
        Table t = table == null ? null : db.table(table);
        var policy = table == null ? db.streamingPolicy() : t == null ? null : t.streamingPolicy();
        return policy != null && policy.enabled();
    }

    private ResultTable clearCache(Database db, Target target) {
        if (target.scope() == Scope.TABLE) {
            propagation.clearTable(db.name(), table(db, target.name()).name());
        } else {
            propagation.clearDatabase(db.name());
        }
        // docs/kusto-rules.md §1.6: one row per node; the emulator is one node and always succeeds.
        return new ResultTable(
                "Table_0",
                List.of(col("NodeId", ScalarType.STRING), col("Status", ScalarType.STRING)),
                List.<Object[]>of(new Object[] {"KustoTypedEmulator", "Succeeded"}));
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}

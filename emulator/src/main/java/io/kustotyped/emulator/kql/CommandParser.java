package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.kql.Command.ColumnSpec;
import io.kustotyped.emulator.kql.Command.MappingVerb;
import io.kustotyped.emulator.kql.Command.Scope;
import io.kustotyped.emulator.kql.Command.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the management commands the emulator supports into {@link Command} records. Anything else is a
 * {@link KqlSyntaxException} whose message lists {@link #SUPPORTED}, so a user never gets a silent success.
 */
final class CommandParser extends TokenCursor {

    /** The supported commands, quoted in every "unsupported command" error. */
    static final String SUPPORTED = String.join(
            "; ",
            ".create database D volatile|persist [ifnotexists]",
            ".show databases",
            ".show version",
            ".drop database D [ifexists]",
            ".create|.create-merge|.alter-merge table T (col:type, ...) [with (docstring=\"..\", folder=\"..\")]",
            ".alter table T folder|docstring \"..\"",
            ".drop table T [ifexists]",
            ".show tables",
            ".show table T cslschema|kqlschema|schema as json",
            ".create|.create-or-alter|.alter table|database X ingestion json|csv mapping \"N\" '<json>'",
            ".show table|database X ingestion [json|csv] mappings",
            ".show table|database X ingestion json|csv mapping \"N\"",
            ".drop table|database X ingestion json|csv mapping \"N\"",
            ".alter[-merge] table|database X policy streamingingestion enable|disable|'<json>'",
            ".delete table|database X policy streamingingestion",
            ".show table|database X policy streamingingestion",
            ".clear table T cache streamingingestion schema",
            ".clear database cache streamingingestion schema");

    /** Mapping kinds of the grammar (docs/kusto-rules.md §3.2); the executor decides which it implements. */
    private static final Set<String> MAPPING_KINDS =
            Set.of("csv", "json", "avro", "parquet", "orc", "w3clogfile", "azmonstream", "apacheavro", "sstream");

    private CommandParser(String text) {
        super(text);
    }

    /** Parses one management command. */
    static Command parse(String text) {
        return new CommandParser(text).command();
    }

    private Command command() {
        Token verb = peek();
        if (!verb.is(Token.Kind.COMMAND)) {
            throw error("A management command starts with '.', e.g. '.show tables'; found " + verb.describe()
                    + ". Queries go to /v1/rest/query or /v2/rest/query");
        }
        next();
        Command c = switch (verb.text()) {
            case "create" -> create();
            case "create-merge" -> tableSchema(Command.TableVerb.CREATE_MERGE, true);
            case "create-or-alter" -> createOrAlter();
            case "alter" -> alter(false);
            case "alter-merge" -> alter(true);
            case "drop" -> drop();
            case "delete" -> delete();
            case "show" -> show();
            case "clear" -> clear();
            default -> throw unsupported(verb);
        };
        expectEnd("the command");
        return c;
    }

    private KqlSyntaxException unsupported(Token at) {
        return new KqlSyntaxException(
                "Unsupported or unknown command near " + at.describe() + ". The emulator supports: " + SUPPORTED,
                at.position());
    }

    private Command create() {
        if (acceptKeyword("database")) {
            Token at = peek();
            String db = expectName("a database name");
            if (acceptKeyword("ingestion")) {
                return defineMapping(MappingVerb.CREATE, new Target(Scope.DATABASE, db));
            }
            boolean persistent;
            if (acceptKeyword("volatile")) {
                persistent = false;
            } else if (acceptKeyword("persist")) {
                persistent = true;
                if (acceptSymbol("(")) {
                    do {
                        expectString("a storage path");
                    } while (acceptSymbol(","));
                    expectSymbol(")");
                }
            } else {
                throw new KqlSyntaxException(
                        "Expected 'volatile' or 'persist' after '.create database " + db + "' but found "
                                + peek().describe(),
                        at.position());
            }
            boolean ifNotExists = acceptKeyword("ifnotexists");
            return new Command.CreateDatabase(db, persistent, ifNotExists);
        }
        if (peek().isKeyword("table") && peek(2).isKeyword("ingestion")) {
            next();
            String table = expectName("a table name");
            next();
            return defineMapping(MappingVerb.CREATE, new Target(Scope.TABLE, table));
        }
        return tableSchema(Command.TableVerb.CREATE, true);
    }

    private Command createOrAlter() {
        Target target = tableOrDatabase(false);
        expectKeyword("ingestion");
        return defineMapping(MappingVerb.CREATE_OR_ALTER, target);
    }

    private Command alter(boolean merge) {
        Target target = tableOrDatabase(false);
        if (acceptKeyword("policy")) {
            expectPolicyKind();
            if (acceptKeyword("enable")) {
                return new Command.AlterStreamingPolicy(target, merge, Boolean.TRUE, null);
            }
            if (acceptKeyword("disable")) {
                return new Command.AlterStreamingPolicy(target, merge, Boolean.FALSE, null);
            }
            return new Command.AlterStreamingPolicy(target, merge, null, expectString("the policy JSON"));
        }
        if (target.scope() == Scope.TABLE && merge && peek().isSymbol("(")) {
            return columnsAndProperties(Command.TableVerb.ALTER_MERGE, target.name());
        }
        if (!merge && acceptKeyword("ingestion")) {
            return defineMapping(MappingVerb.ALTER, target);
        }
        if (!merge && target.scope() == Scope.TABLE) {
            if (acceptKeyword("folder")) {
                return new Command.AlterTableProperties(target.name(), expectString("the folder"), null);
            }
            if (acceptKeyword("docstring")) {
                return new Command.AlterTableProperties(target.name(), null, expectString("the docstring"));
            }
            if (peek().isSymbol("(")) {
                throw error("'.alter table T (columns)' (redefining a schema) is not supported by the emulator; use"
                        + " '.alter-merge table T (columns)' to add columns. The emulator supports: " + SUPPORTED);
            }
        }
        throw unsupported(peek());
    }

    private Command drop() {
        Target target = tableOrDatabase(false);
        if (acceptKeyword("ingestion")) {
            String kind = mappingKind();
            expectKeyword("mapping");
            return new Command.DropMapping(target, kind, mappingName());
        }
        if (target.scope() == Scope.TABLE) {
            return new Command.DropTable(target.name(), acceptKeyword("ifexists"));
        }
        return new Command.DropDatabase(target.name(), acceptKeyword("ifexists"));
    }

    private Command delete() {
        Target target = tableOrDatabase(false);
        expectKeyword("policy");
        expectPolicyKind();
        return new Command.DeleteStreamingPolicy(target);
    }

    private Command show() {
        if (acceptKeyword("tables")) {
            return new Command.ShowTables();
        }
        if (acceptKeyword("databases")) {
            return new Command.ShowDatabases();
        }
        if (acceptKeyword("version")) {
            return new Command.ShowVersion();
        }
        Target target = tableOrDatabase(true);
        if (acceptKeyword("policy")) {
            expectPolicyKind();
            return new Command.ShowStreamingPolicy(target);
        }
        if (acceptKeyword("ingestion")) {
            if (acceptKeyword("mappings")) {
                return new Command.ShowMappings(target, null, null);
            }
            String kind = mappingKind();
            if (acceptKeyword("mappings")) {
                return new Command.ShowMappings(target, kind, null);
            }
            expectKeyword("mapping");
            return new Command.ShowMappings(target, kind, mappingName());
        }
        if (target.scope() == Scope.TABLE) {
            if (acceptKeyword("cslschema")) {
                return new Command.ShowTableSchema(target.name(), Command.SchemaFormat.CSL);
            }
            if (acceptKeyword("kqlschema")) {
                return new Command.ShowTableSchema(target.name(), Command.SchemaFormat.KQL);
            }
            if (acceptKeyword("schema")) {
                expectKeyword("as");
                expectKeyword("json");
                return new Command.ShowTableSchema(target.name(), Command.SchemaFormat.JSON);
            }
        }
        throw unsupported(peek());
    }

    private Command clear() {
        Target target = tableOrDatabase(true);
        expectKeyword("cache");
        expectKeyword("streamingingestion");
        expectKeyword("schema");
        return new Command.ClearSchemaCache(target);
    }

    /**
     * {@code table NAME} or {@code database [NAME]}. With {@code databaseNameOptional}, a database name may be omitted
     * when the next word is a command keyword (the request's database applies).
     */
    private Target tableOrDatabase(boolean databaseNameOptional) {
        if (acceptKeyword("table")) {
            return new Target(Scope.TABLE, expectName("a table name"));
        }
        if (acceptKeyword("database")) {
            if (databaseNameOptional
                    && (peek().isKeyword("policy") || peek().isKeyword("cache") || peek().isKeyword("ingestion"))) {
                return new Target(Scope.DATABASE, null);
            }
            return new Target(Scope.DATABASE, expectName("a database name"));
        }
        throw unsupported(peek());
    }

    private void expectPolicyKind() {
        if (!acceptKeyword("streamingingestion")) {
            throw error(
                    "Only the 'streamingingestion' policy is supported by the emulator; found " + peek().describe());
        }
    }

    private String mappingKind() {
        Token t = peek();
        if (t.is(Token.Kind.NAME) && MAPPING_KINDS.contains(t.text().toLowerCase(Locale.ROOT))) {
            next();
            return t.text().toLowerCase(Locale.ROOT);
        }
        throw error("Expected a mapping kind (json, csv, avro, parquet, orc, w3clogfile, azmonstream) but found "
                + t.describe());
    }

    private String mappingName() {
        // A single literal: the mapping JSON that follows may itself be adjacent literals (docs/kusto-rules.md §3.2).
        if (peek().is(Token.Kind.STRING)) {
            return (String) next().value();
        }
        return expectName("the mapping name");
    }

    private Command defineMapping(MappingVerb verb, Target target) {
        String kind = mappingKind();
        expectKeyword("mapping");
        String name = mappingName();
        String json = expectString("the mapping JSON");
        if (acceptKeyword("with")) {
            skipProperties();
        }
        return new Command.DefineMapping(verb, target, kind, name, json);
    }

    /** {@code with (k=v, ...)} after a mapping: accepted and ignored (e.g. removeOldestIfRequired). */
    private void skipProperties() {
        expectSymbol("(");
        do {
            expectName("a property name");
            expectSymbol("=");
            next();
        } while (acceptSymbol(","));
        expectSymbol(")");
    }

    private Command tableSchema(Command.TableVerb verb, boolean expectTableKeyword) {
        if (expectTableKeyword && !acceptKeyword("table")) {
            if (peek().isKeyword("tables")) {
                throw error("'.create tables' (several tables at once) is not supported by the emulator; create them"
                        + " one at a time. The emulator supports: " + SUPPORTED);
            }
            throw unsupported(peek());
        }
        String table = expectName("a table name");
        return columnsAndProperties(verb, table);
    }

    private Command columnsAndProperties(Command.TableVerb verb, String table) {
        expectSymbol("(");
        List<ColumnSpec> columns = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            do {
                Token at = peek();
                String name = expectName("a column name");
                expectSymbol(":");
                Token type = peek();
                if (!type.is(Token.Kind.NAME)) {
                    throw error("Expected the type of column '" + name + "' but found " + type.describe());
                }
                next();
                columns.add(new ColumnSpec(name, type.text(), at.position()));
            } while (acceptSymbol(","));
        }
        expectSymbol(")");
        String folder = null;
        String docString = null;
        if (acceptKeyword("with")) {
            expectSymbol("(");
            do {
                Token key = peek();
                String property = expectName("a property name").toLowerCase(Locale.ROOT);
                expectSymbol("=");
                String value = expectString("the value of '" + key.text() + "'");
                switch (property) {
                    case "folder" -> folder = value;
                    case "docstring" -> docString = value;
                    default ->
                        throw new KqlSyntaxException(
                                "Unknown table property '" + key.text() + "'; supported: docstring, folder",
                                key.position());
                }
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        if (columns.isEmpty() && verb != Command.TableVerb.ALTER_MERGE) {
            throw error("Table '" + table + "' needs at least one column");
        }
        return new Command.TableSchema(verb, table, columns, folder, docString);
    }
}

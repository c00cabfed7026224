package io.kustotyped.emulator.kql;

import java.util.List;

/**
 * Parsed management commands (the {@code POST /v1/rest/mgmt} subset the emulator supports). Pure syntax: names are
 * unquoted, string literals decoded and concatenated, types kept as written; {@link CommandExecutor} resolves them.
 */
sealed interface Command {

    /** Whether a command targets a table or a database. */
    enum Scope {
        TABLE,
        DATABASE
    }

    /**
     * The table or database a command acts on.
     *
     * @param scope table or database
     * @param name the table name, or the database name; null for a database command that names none (the request's
     *     {@code db} applies)
     */
    record Target(Scope scope, String name) {}

    /** A column in a table DDL command, e.g. {@code ['a b']:long}; {@code type} as written (may be an alias). */
    record ColumnSpec(String name, String type, int position) {}

    /** {@code .create database D volatile|persist [ifnotexists]}. */
    record CreateDatabase(String name, boolean persistent, boolean ifNotExists) implements Command {}

    /** {@code .drop database D [ifexists]}. */
    record DropDatabase(String name, boolean ifExists) implements Command {}

    /** {@code .show version}. */
    record ShowVersion() implements Command {}

    /** {@code .show databases}. */
    record ShowDatabases() implements Command {}

    /** Which schema-changing table command. */
    enum TableVerb {
        CREATE,
        CREATE_MERGE,
        ALTER_MERGE
    }

    /**
     * {@code .create table}, {@code .create-merge table}, {@code .alter-merge table} with a column list and optional
     * {@code with (docstring=.., folder=..)} (docs/kusto-rules.md §5.1). {@code folder}/{@code docString} are null when absent.
     */
    record TableSchema(TableVerb verb, String table, List<ColumnSpec> columns, String folder, String docString)
            implements Command {}

    /** {@code .alter table T folder "F"} or {@code .alter table T docstring "D"}; the other one is null. */
    record AlterTableProperties(String table, String folder, String docString) implements Command {}

    /** {@code .drop table T [ifexists]}. */
    record DropTable(String table, boolean ifExists) implements Command {}

    /** {@code .show tables}. */
    record ShowTables() implements Command {}

    /** The output form of {@code .show table T ...schema}. */
    enum SchemaFormat {
        CSL,
        KQL,
        JSON
    }

    /** {@code .show table T cslschema|kqlschema|schema as json}. */
    record ShowTableSchema(String table, SchemaFormat format) implements Command {}

    /** How a mapping-defining command treats an existing mapping of the same name (docs/kusto-rules.md §3.2). */
    enum MappingVerb {
        CREATE,
        CREATE_OR_ALTER,
        ALTER
    }

    /** {@code .create|.create-or-alter|.alter table|database X ingestion KIND mapping "N" '<json>'}. */
    record DefineMapping(MappingVerb verb, Target target, String kind, String name, String json) implements Command {}

    /** {@code .show table|database X ingestion [KIND] mappings} or {@code ... ingestion KIND mapping "N"}. */
    record ShowMappings(Target target, String kind, String name) implements Command {}

    /** {@code .drop table|database X ingestion KIND mapping "N"}. */
    record DropMapping(Target target, String kind, String name) implements Command {}

    /**
     * {@code .alter[-merge] table|database X policy streamingingestion enable|disable|'<json>'} (docs/kusto-rules.md §1.6).
     * Exactly one of {@code enable} (for the keywords) and {@code json} is non-null.
     */
    record AlterStreamingPolicy(Target target, boolean merge, Boolean enable, String json) implements Command {}

    /** {@code .delete table|database X policy streamingingestion}. */
    record DeleteStreamingPolicy(Target target) implements Command {}

    /** {@code .show table|database X policy streamingingestion}. */
    record ShowStreamingPolicy(Target target) implements Command {}

    /** {@code .clear table T cache streamingingestion schema} / {@code .clear database cache streamingingestion schema}. */
    record ClearSchemaCache(Target target) implements Command {}
}

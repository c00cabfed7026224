package io.kustotyped.cli;

import io.kustotyped.runtime.ColumnDescriptor;
import io.kustotyped.runtime.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * The expected schema of a table as its generated script states it, as a runtime {@link TableSchema} so that
 * {@code check} compares a live table with {@code KustoClient.checkSchema}, exactly as a generated ingestor does.
 */
final class ScriptTable implements TableSchema {

    private final KqlScript script;

    /**
     * @param script a script with a table command and a mapping command
     * @throws IllegalArgumentException when either is missing
     */
    ScriptTable(KqlScript script) {
        if (script.table() == null || script.tableCommandIndex() < 0) {
            throw new IllegalArgumentException(script.origin() + " has no '.create-merge table' command, so there "
                    + "is no schema to check against");
        }
        if (script.mappingName() == null) {
            throw new IllegalArgumentException(script.origin() + " has no '.create-or-alter table ... ingestion "
                    + "json mapping' command, so there is no mapping to check against");
        }
        this.script = script;
    }

    @Override
    public String tableName() {
        return script.table();
    }

    @Override
    public Optional<String> defaultDatabase() {
        return Optional.empty();
    }

    @Override
    public String mappingName() {
        return script.mappingName();
    }

    @Override
    public List<ColumnDescriptor> columns() {
        return script.columns();
    }

    @Override
    public String mappingJson() {
        return script.mappingJson();
    }

    @Override
    public List<String> schemaCommands() {
        return script.commands();
    }
}

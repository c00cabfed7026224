package io.kustotyped.cli;

import io.kustotyped.runtime.ColumnDescriptor;
import io.kustotyped.runtime.TableDescriptor;
import io.kustotyped.runtime.json.JsonRowWriter;
import java.util.List;
import java.util.Optional;

/**
 * The expected schema of a table as its generated script states it, seen through the runtime's
 * {@link TableDescriptor} so that {@code check} compares a live table exactly as
 * {@code TableIngestor.checkSchema()} does. A script carries no Java class: {@link #writer()} cannot write rows,
 * and the CLI never ingests.
 */
final class ScriptTable implements TableDescriptor<Object> {

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
    public Class<Object> rowType() {
        return Object.class;
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

    @Override
    public JsonRowWriter<Object> writer() {
        return (row, out) -> {
            throw new UnsupportedOperationException("the table " + script.table() + " was read from " + script.origin()
                    + ", which has no row writer: the CLI applies and checks schemas only");
        };
    }
}

package io.kustotyped.processor.validation;

import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rules across the tables of one compilation, over all rounds: no two classes claim one table name (ignoring case,
 * as the scripts' file names do), and no two classes get generated classes of the same name.
 */
public final class CrossTableRules {

    private final Reporter reporter;
    /** Lower-case table name to the class that claimed it. */
    private final Map<String, String> tables = new HashMap<>();
    /** Generated writer class name to the table class it is generated for. */
    private final Map<String, String> generatedNames = new HashMap<>();

    public CrossTableRules(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Claims the table name and generated names of {@code table}, a table that passed {@link TableValidator}; a class
     * processed again in a later round claims what it already holds.
     *
     * @return whether both were free (or already held by the same class); otherwise an error was reported
     */
    public boolean claim(TableModel table) {
        return claimTableName(table) && claimGeneratedNames(table);
    }

    private boolean claimTableName(TableModel table) {
        String name = table.element().getQualifiedName().toString();
        // Case-insensitively: META-INF/kusto/Orders.kql and orders.kql collide on case-insensitive file systems.
        String owner = tables.putIfAbsent(table.tableName().toLowerCase(Locale.ROOT), name);
        if (owner == null || owner.equals(name)) {
            return true;
        }
        reporter.error(table.origin(), Diagnostic.DUPLICATE_TABLE, table.tableName(), name, owner, table.tableName());
        return false;
    }

    private boolean claimGeneratedNames(TableModel table) {
        String name = table.element().getQualifiedName().toString();
        String writer = GeneratedNames.generated(table.rowType(), GeneratedNames.WRITER_SUFFIX)
                .toString();
        String owner = generatedNames.putIfAbsent(writer, name);
        if (owner == null || owner.equals(name)) {
            return true;
        }
        String prefix = writer.substring(0, writer.length() - GeneratedNames.WRITER_SUFFIX.length());
        reporter.error(
                table.element(),
                Diagnostic.GENERATED_NAME_CLASH,
                name,
                prefix + "JsonWriter/KustoSchema/Ingestor",
                owner);
        return false;
    }
}

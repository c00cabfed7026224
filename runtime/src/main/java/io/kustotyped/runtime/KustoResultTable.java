package io.kustotyped.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One result table of a management command or query: column names and Kusto types, and rows of plain values
 * ({@code String}, {@code Integer}/{@code Long}/{@code Double}/{@code BigInteger}, {@code Boolean}, {@code null},
 * and Vert.x {@code JsonObject}/{@code JsonArray} for dynamic values). Datetimes and timespans are strings, as the
 * service sends them (docs/kusto-rules.md §6.2, §6.3).
 *
 * @param name the table name ({@code Table_0}, {@code PrimaryResult}, ...)
 * @param columns the columns in order
 * @param rows the rows; each has one value per column
 */
public record KustoResultTable(String name, List<Column> columns, List<List<Object>> rows) {

    /**
     * One column.
     *
     * @param name the column name
     * @param type the Kusto type ({@code ColumnType}), or the .NET {@code DataType} when the service sent only that
     */
    public record Column(String name, String type) {}

    /** Copies the lists so the table cannot change. */
    public KustoResultTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The number of rows. */
    public int rowCount() {
        return rows.size();
    }

    /** The index of the named column (exact, case-sensitive). */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column '" + column + "' in result table " + name + "; columns are "
                + columns.stream().map(Column::name).toList());
    }

    /** The value in row {@code row}, column {@code column}. */
    public Object value(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    /** The value in row {@code row}, column {@code column}, as text ({@code null} stays {@code null}). */
    public String string(int row, String column) {
        Object v = value(row, column);
        return v == null ? null : v.toString();
    }
}

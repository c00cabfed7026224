package io.kustotyped.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.runtime.json.KustoScalars;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One result table of a management command or query: column names and Kusto types, and rows of plain values. Read
 * cells with the typed getters ({@link #getLong}, {@link #getInstant}, ...), by column name or index; each follows
 * the column's Kusto type and returns {@code null} for a null cell. A getter that does not fit the column's type (say
 * {@code getInstant} on a {@code string} column) throws a {@link RowReadException} naming the column, the row, the
 * column's Kusto type and the getter's. For rows of your own classes, use {@link KustoClient#query} with a generated
 * reader instead.
 *
 * <p>{@link #value} gives the raw cell, decoded by column type (docs/kusto-rules.md §6.2, §6.3): {@code long} as
 * {@code Long} and {@code int} as {@code Integer} (never the other), {@code real} as {@code Double} (NaN and
 * infinities too), {@code decimal} as {@code BigDecimal} with its exact digits, {@code bool} as {@code Boolean},
 * {@code string}, {@code datetime}, {@code timespan} and {@code guid} as the text the service sent, {@code dynamic} as a
 * Vert.x {@code JsonObject}/{@code JsonArray} or a plain scalar, and {@code null}.
 *
 * @param name the table name ({@code Table_0} for management commands, {@code PrimaryResult} for queries)
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
    public record Column(String name, String type) {

        /**
         * The Kusto type: {@link #type()}, or the Kusto name of a .NET {@code DataType} ({@code Int64} is
         * {@code long}, {@code Object} is {@code dynamic}, ...); {@code dynamic} for a type it does not know.
         */
        public String kustoType() {
            return Cells.kustoType(type);
        }
    }

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

    /** The raw value in row {@code row}, column {@code column} (see the class comment for the Java types). */
    public Object value(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    /** The raw value in row {@code row}, column index {@code column}. */
    public Object value(int row, int column) {
        return rows.get(row).get(column);
    }

    /** The value in row {@code row}, column {@code column}, as text, whatever its type ({@code null} stays null). */
    public String string(int row, String column) {
        Object v = value(row, column);
        return v == null ? null : v.toString();
    }

    /** A {@code long} (or {@code int}) cell. */
    public Long getLong(int row, String column) {
        return getLong(row, columnIndex(column));
    }

    /** A {@code long} (or {@code int}) cell, by column index. */
    public Long getLong(int row, int column) {
        Object v = cell(row, column, "getLong", "long", "int");
        return v == null ? null : ((Number) v).longValue();
    }

    /** An {@code int} cell ({@code count()} and {@code sum()} are {@code long}: use {@link #getLong}). */
    public Integer getInt(int row, String column) {
        return getInt(row, columnIndex(column));
    }

    /** An {@code int} cell, by column index. */
    public Integer getInt(int row, int column) {
        return (Integer) cell(row, column, "getInt", "int");
    }

    /** A {@code real} cell (NaN and infinities included); {@code int} and {@code long} cells are widened. */
    public Double getDouble(int row, String column) {
        return getDouble(row, columnIndex(column));
    }

    /** A {@code real}, {@code int} or {@code long} cell, by column index. */
    public Double getDouble(int row, int column) {
        Object v = cell(row, column, "getDouble", "real", "int", "long");
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** A {@code bool} cell. */
    public Boolean getBoolean(int row, String column) {
        return getBoolean(row, columnIndex(column));
    }

    /** A {@code bool} cell, by column index. */
    public Boolean getBoolean(int row, int column) {
        return (Boolean) cell(row, column, "getBoolean", "bool");
    }

    /** A {@code string} cell (Kusto strings are never null: an empty one is {@code ""}). */
    public String getString(int row, String column) {
        return getString(row, columnIndex(column));
    }

    /** A {@code string} cell, by column index. */
    public String getString(int row, int column) {
        return (String) cell(row, column, "getString", "string");
    }

    /** A {@code datetime} cell, to its 100 ns precision. */
    public Instant getInstant(int row, String column) {
        return getInstant(row, columnIndex(column));
    }

    /** A {@code datetime} cell, by column index. */
    public Instant getInstant(int row, int column) {
        return parsed(row, column, "getInstant", "datetime", KustoScalars::parseDatetime);
    }

    /** A {@code timespan} cell (negative and multi-day ones included). */
    public Duration getDuration(int row, String column) {
        return getDuration(row, columnIndex(column));
    }

    /** A {@code timespan} cell, by column index. */
    public Duration getDuration(int row, int column) {
        return parsed(row, column, "getDuration", "timespan", KustoScalars::parseTimespan);
    }

    /** A {@code guid} cell. */
    public UUID getUuid(int row, String column) {
        return getUuid(row, columnIndex(column));
    }

    /** A {@code guid} cell, by column index. */
    public UUID getUuid(int row, int column) {
        return parsed(row, column, "getUuid", "guid", KustoScalars::parseGuid);
    }

    /** A {@code decimal} cell, with its exact digits; {@code int} and {@code long} cells are converted exactly. */
    public BigDecimal getDecimal(int row, String column) {
        return getDecimal(row, columnIndex(column));
    }

    /** A {@code decimal}, {@code int} or {@code long} cell, by column index. */
    public BigDecimal getDecimal(int row, int column) {
        Object v = cell(row, column, "getDecimal", "decimal", "int", "long");
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    /**
     * A {@code dynamic} cell as a Jackson tree. Needs jackson-databind, an optional dependency of the runtime (on the
     * module path: {@code requires com.fasterxml.jackson.databind}); without it this throws an
     * {@link IllegalStateException} saying so, and {@link #value} still gives the Vert.x {@code JsonObject} or
     * {@code JsonArray}. A JSON {@code null} inside a non-null cell is a {@code NullNode}; a null cell is {@code null}.
     */
    public JsonNode getDynamic(int row, String column) {
        return getDynamic(row, columnIndex(column));
    }

    /** A {@code dynamic} cell as a Jackson tree, by column index (see {@link #getDynamic(int, String)}). */
    public JsonNode getDynamic(int row, int column) {
        Object v = cell(row, column, "getDynamic", "dynamic");
        if (v == null) {
            return null;
        }
        try {
            return DynamicNodes.of(v);
        } catch (NoClassDefFoundError missing) {
            throw new IllegalStateException(
                    "getDynamic returns a Jackson JsonNode and needs jackson-databind, which is "
                            + "not on the class path (or not read by your module: requires com.fasterxml.jackson.databind); "
                            + "add it, or use value(row, column) for the Vert.x JsonObject/JsonArray",
                    missing);
        }
    }

    /** The cell, after checking that the column's Kusto type is one of {@code accepted}. */
    private Object cell(int row, int column, String getter, String... accepted) {
        Column c = columns.get(column);
        String type = c.kustoType();
        if (!Set.of(accepted).contains(type)) {
            throw new RowReadException(
                    "Cannot read column '" + c.name() + "' (row " + row + ") of result table " + name + " with "
                            + getter + ": the column's Kusto type is " + type + ", " + getter + " reads "
                            + String.join(" or ", accepted) + suggestion(type),
                    c.name(),
                    row,
                    null,
                    null);
        }
        return rows.get(row).get(column);
    }

    private <V> V parsed(
            int row, int column, String getter, String type, java.util.function.Function<String, V> parse) {
        Object v = cell(row, column, getter, type);
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v.toString());
        } catch (IllegalArgumentException e) {
            Column c = columns.get(column);
            throw new RowReadException(
                    "Cannot read column '" + c.name() + "' (row " + row + ") of result table " + name + " as " + type
                            + ": " + e.getMessage(),
                    c.name(),
                    row,
                    e,
                    null);
        }
    }

    private static String suggestion(String type) {
        String getter = switch (type) {
            case "long" -> "getLong";
            case "int" -> "getInt";
            case "real" -> "getDouble";
            case "bool" -> "getBoolean";
            case "string" -> "getString";
            case "datetime" -> "getInstant";
            case "timespan" -> "getDuration";
            case "guid" -> "getUuid";
            case "decimal" -> "getDecimal";
            default -> "getDynamic";
        };
        return " (use " + getter + ")";
    }
}

package io.kustotyped.runtime.read;

import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.RowReadException;
import io.kustotyped.runtime.RowReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The properties a generated {@link RowReader} fills, each with the column name and Kusto type it reads, and the
 * binding of a result table's columns to them (docs/kusto-rules.md §6.3). Immutable; generated readers hold one in a
 * constant:
 *
 * <pre>{@code
 * private static final RowColumns<Order> COLUMNS = RowColumns.of(Order.class)
 *         .column("OrderId", "guid")    // property 0
 *         .column("placedAt", "datetime"); // property 1
 * }</pre>
 *
 * <p>Binding maps result columns to properties by exact name. A property's column may hold its own Kusto type, or a
 * narrower number ({@code int} for a {@code long} property; {@code int} or {@code long} for {@code real} and
 * {@code decimal}); a {@code dynamic} property takes any column. Any other type is a {@link RowReadException} naming
 * the column, the row and both types, raised when the first row is read.
 *
 * @param <T> the row type
 */
public final class RowColumns<T> {

    /**
     * Reads one row through the cursor: the body of a generated reader.
     *
     * @param <T> the row type
     */
    @FunctionalInterface
    public interface RowFunction<T> {
        /**
         * @param cells the row's cells, before the first
         * @return the row
         * @throws IOException when the JSON cannot be read
         */
        T read(RowCursor cells) throws IOException;
    }

    private final Class<T> rowType;
    private final String[] names;
    private final String[] types;

    private RowColumns(Class<T> rowType, String[] names, String[] types) {
        this.rowType = rowType;
        this.names = names;
        this.types = types;
    }

    /**
     * No properties yet.
     *
     * @param rowType the row type, for messages
     * @param <T> the row type
     * @return the empty list of properties
     */
    public static <T> RowColumns<T> of(Class<T> rowType) {
        return new RowColumns<>(Objects.requireNonNull(rowType, "rowType"), new String[0], new String[0]);
    }

    /**
     * Adds the next property (its index is the number of properties before it).
     *
     * @param name the column the property reads (exact, case-sensitive)
     * @param kustoType the Kusto type of that column in the table ({@code long}, {@code datetime}, ...)
     * @return a copy with the property added
     */
    public RowColumns<T> column(String name, String kustoType) {
        String[] n = Arrays.copyOf(names, names.length + 1);
        String[] t = Arrays.copyOf(types, types.length + 1);
        n[names.length] = Objects.requireNonNull(name, "name");
        t[types.length] = canonicalType(kustoType);
        return new RowColumns<>(rowType, n, t);
    }

    /** The row type. */
    public Class<T> rowType() {
        return rowType;
    }

    /**
     * Binds a result table's columns to the properties and returns the decoder of its rows.
     *
     * @param columns the result table's columns
     * @param read the generated reading of one row
     * @return the decoder; it wraps any failure to read a value in a {@link RowReadException} naming the column and
     *     row
     */
    public RowReader.Decoder<T> bind(List<KustoResultTable.Column> columns, RowFunction<T> read) {
        int n = columns.size();
        int[] property = new int[n];
        String[] mismatch = new String[n];
        boolean[] taken = new boolean[names.length];
        for (int c = 0; c < n; c++) {
            KustoResultTable.Column column = columns.get(c);
            property[c] = -1;
            for (int i = 0; i < names.length; i++) {
                if (!taken[i] && names[i].equals(column.name())) {
                    taken[i] = true;
                    property[c] = i;
                    String actual = column.type() == null ? null : canonicalType(column.type());
                    if (actual != null && !compatible(actual, types[i])) {
                        mismatch[c] = "column '" + column.name() + "' is of Kusto type " + actual + ", but "
                                + rowType.getName() + " reads it as " + types[i];
                    }
                    break;
                }
            }
        }
        RowCursor cursor = new RowCursor(rowType, columns, property, mismatch, types);
        return (p, row) -> {
            cursor.start(p, row);
            T value;
            try {
                value = read.read(cursor);
            } catch (RowReadException e) {
                throw e;
            } catch (RuntimeException e) {
                throw cursor.failure(e);
            } finally {
                cursor.finish();
            }
            return value;
        };
    }

    /** Whether a column of Kusto type {@code actual} can be read as {@code expected}. */
    static boolean compatible(String actual, String expected) {
        if (actual.equals(expected) || expected.equals("dynamic")) {
            return true;
        }
        boolean whole = actual.equals("int") || actual.equals("long");
        return switch (expected) {
            case "long" -> actual.equals("int");
            case "real", "decimal" -> whole;
            default -> false;
        };
    }

    /**
     * A Kusto type's canonical name: aliases ({@code boolean}, {@code date}, {@code time}, {@code uuid},
     * {@code int64}, {@code double}, ...) and the .NET {@code DataType} names of v1 results ({@code Int64},
     * {@code DateTime}, {@code SByte}, ...) to the names {@code ColumnType} uses (docs/kusto-rules.md §4.1).
     */
    static String canonicalType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("system.")) {
            t = t.substring("system.".length());
        }
        return switch (t) {
            case "boolean", "sbyte" -> "bool";
            case "date" -> "datetime";
            case "time" -> "timespan";
            case "uuid", "uniqueid" -> "guid";
            case "int32", "int8", "int16", "uint", "uint8", "uint16", "uint32" -> "int";
            case "int64", "ulong", "uint64" -> "long";
            case "double", "float" -> "real";
            case "sqldecimal", "data.sqltypes.sqldecimal" -> "decimal";
            case "object" -> "dynamic";
            default -> t;
        };
    }
}

package io.kustotyped.runtime;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;

/**
 * Turns the rows of a query result into {@code T} instances, straight from the response JSON. The annotation
 * processor generates one for every {@code @KustoTable} class it can construct ({@code OrderRowReader.INSTANCE} for
 * {@code Order}); {@link KustoClient#query(String, String, RowReader)} runs any query through one.
 *
 * <p>Reading happens in two steps. {@link #bind} is called once per result table with its columns, and maps them
 * to properties by name (exact, case-sensitive, as Kusto names are): a column the type has no property for is
 * skipped, a property no column fills keeps its default ({@code null}, an empty {@code Optional}, zero). The
 * {@link Decoder} it returns then reads the rows one at a time from a streaming {@link JsonParser}, without building
 * a tree. A column whose Kusto type the property cannot hold fails the first row read with a {@link RowReadException}
 * naming the column, the row and both types.
 *
 * <p>A reader is stateless and thread-safe; a decoder is not (use one per result table, on one thread).
 *
 * @param <T> the row type
 */
public interface RowReader<T> {

    /**
     * The Java type this reader produces, for messages.
     *
     * @return the row class
     */
    Class<T> rowType();

    /**
     * Maps the columns of one result table to the properties of {@code T}.
     *
     * @param columns the table's columns, in order, with their Kusto types ({@code ColumnType})
     * @return a decoder for the rows of this table
     */
    Decoder<T> bind(List<KustoResultTable.Column> columns);

    /**
     * Reads the rows of one result table whose columns were {@linkplain RowReader#bind bound}.
     *
     * @param <T> the row type
     */
    interface Decoder<T> {

        /**
         * Reads one row.
         *
         * @param p the parser, positioned on the {@code START_ARRAY} token of the row; on return it is positioned on
         *     the row's {@code END_ARRAY}
         * @param row the row's index in the table (0-based), for error messages
         * @return the row
         * @throws RowReadException when a value does not fit its property (names column, row and types)
         * @throws IOException when the JSON cannot be read
         */
        T read(JsonParser p, long row) throws IOException;
    }
}

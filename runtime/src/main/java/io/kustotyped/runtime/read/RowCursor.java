package io.kustotyped.runtime.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.RowReadException;
import java.io.IOException;
import java.util.List;

/**
 * The cells of one result row, one at a time, for a generated reader: {@link #next()} moves to the next cell,
 * {@link #property()} says which property its column fills, and {@link JsonValues} reads the value from
 * {@link #parser()}. One per bound result table; not thread-safe.
 *
 * <pre>{@code
 * JsonParser p = cells.parser();
 * while (cells.next()) {
 *     switch (cells.property()) {
 *         case 0 -> id = JsonValues.uuid(p);
 *         case 1 -> lines = readLines(cells.dynamic());
 *         default -> cells.skip();
 *     }
 * }
 * }</pre>
 */
public final class RowCursor {

    private static final JsonFactory JSON = new JsonFactory();

    private final Class<?> rowType;
    private final List<KustoResultTable.Column> columns;
    private final int[] property;
    private final String[] mismatch;
    private final String[] expected;
    private JsonParser p;
    private JsonParser embedded;
    private long row;
    private int column;

    RowCursor(
            Class<?> rowType,
            List<KustoResultTable.Column> columns,
            int[] property,
            String[] mismatch,
            String[] expected) {
        this.rowType = rowType;
        this.columns = columns;
        this.property = property;
        this.mismatch = mismatch;
        this.expected = expected;
    }

    void start(JsonParser parser, long rowIndex) {
        this.p = parser;
        this.row = rowIndex;
        this.column = -1;
    }

    void finish() throws IOException {
        closeEmbedded();
    }

    /** The parser, positioned on the current cell's value. */
    public JsonParser parser() {
        return p;
    }

    /** The row's index in the result table (0-based). */
    public long row() {
        return row;
    }

    /**
     * Moves to the next cell.
     *
     * @return false after the last one (the parser is then on the row's {@code END_ARRAY})
     * @throws IllegalArgumentException when the row has more cells than the table has columns
     */
    public boolean next() throws IOException {
        closeEmbedded();
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return false;
        }
        if (t == null) {
            throw new IllegalArgumentException("the response ended inside row " + row);
        }
        column++;
        if (column >= columns.size()) {
            throw new RowReadException(
                    "Row " + row + " has more values than the result table's " + columns.size() + " columns",
                    null,
                    row,
                    null,
                    null);
        }
        return true;
    }

    /**
     * The property the current cell's column fills, or {@code -1} when the reader has none for it (the cell is then
     * {@linkplain #skip() skipped}).
     *
     * @throws RowReadException when the column's Kusto type does not fit the property
     */
    public int property() {
        String problem = mismatch[column];
        if (problem != null) {
            throw new RowReadException(
                    "Cannot read row " + row + " into " + rowType.getName() + ": " + problem,
                    columns.get(column).name(),
                    row,
                    null,
                    null);
        }
        return property[column];
    }

    /** Skips the current cell. */
    public void skip() throws IOException {
        p.skipChildren();
    }

    /**
     * The parser positioned on the current cell's dynamic value: the row's parser, or, when the cell holds the JSON
     * as a string (as v1 results and string columns do), a parser over that text.
     */
    public JsonParser dynamic() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String text = p.getText().strip();
            if (!text.isEmpty() && (text.charAt(0) == '{' || text.charAt(0) == '[')) {
                closeEmbedded();
                embedded = JSON.createParser(text);
                embedded.nextToken();
                return embedded;
            }
        }
        return p;
    }

    private void closeEmbedded() throws IOException {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /** The failure to read the current cell, as a {@link RowReadException} naming its column and row. */
    RowReadException failure(RuntimeException cause) {
        if (column < 0 || column >= columns.size()) {
            return new RowReadException(
                    "Cannot read row " + row + " into " + rowType.getName() + ": " + cause.getMessage(),
                    null,
                    row,
                    cause,
                    null);
        }
        KustoResultTable.Column c = columns.get(column);
        int i = property[column];
        String as = i < 0 ? "" : " as " + expected[i];
        return new RowReadException(
                "Cannot read column '" + c.name() + "' (Kusto type " + c.type() + ") of row " + row + " into "
                        + rowType.getName() + as + ": " + cause.getMessage(),
                c.name(),
                row,
                cause,
                null);
    }
}

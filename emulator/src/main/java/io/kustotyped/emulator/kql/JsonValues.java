package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kustotyped.emulator.store.CellJson;
import java.io.IOException;
import java.util.List;

/** Writes the rows of a v1 table or v2 frame, each cell as docs/kusto-rules.md §6.3 says ({@link CellJson}). */
final class JsonValues {
    private JsonValues() {}

    /** Writes the field {@code "Rows"}: an array with one array of cell values per row. */
    static void writeRows(JsonGenerator g, List<Object[]> rows) throws IOException {
        g.writeArrayFieldStart("Rows");
        for (Object[] row : rows) {
            CellJson.writeRow(g, row, CellJson.Form.WIRE);
        }
        g.writeEndArray();
    }
}

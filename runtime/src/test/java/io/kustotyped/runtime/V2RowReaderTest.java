package io.kustotyped.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2 frames as the streaming reader sees them: where rows are, and every way the service reports an error. */
class V2RowReaderTest {

    /** Reads each row as its first cell's text; binds to whatever columns come. */
    private static final RowReader<String> FIRST_CELL = new RowReader<>() {
        @Override
        public Class<String> rowType() {
            return String.class;
        }

        @Override
        public Decoder<String> bind(List<KustoResultTable.Column> columns) {
            return (p, row) -> {
                p.nextToken();
                String first = p.getText();
                p.skipChildren();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                return first;
            };
        }
    };

    private static final String HEADER = "[{\"FrameType\":\"DataSetHeader\",\"Version\":\"v2.0\"},"
            + "{\"FrameType\":\"DataTable\",\"TableId\":0,\"TableKind\":\"QueryProperties\",\"TableName\":"
            + "\"@ExtendedProperties\",\"Columns\":[{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}],"
            + "\"Rows\":[[{\"Visualization\":null}]]},"
            + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":"
            + "\"PrimaryResult\",\"Columns\":[{\"ColumnName\":\"a\",\"ColumnType\":\"string\"}],";

    private static final String QCI_INFO = "{\"FrameType\":\"DataTable\",\"TableId\":2,\"TableKind\":"
            + "\"QueryCompletionInformation\",\"TableName\":\"QueryCompletionInformation\",\"Columns\":["
            + "{\"ColumnName\":\"LevelName\",\"ColumnType\":\"string\"},{\"ColumnName\":\"Payload\","
            + "\"ColumnType\":\"string\"}],\"Rows\":[[\"Info\",\"{\\\"Text\\\":\\\"ok\\\"}\"]]},";

    private static List<String> read(String body) throws IOException {
        List<String> rows = new ArrayList<>();
        V2RowReader.read(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), FIRST_CELL, rows::add, "req-1");
        return rows;
    }

    @Test
    void rowsOfThePrimaryResultOnly() throws IOException {
        String body = HEADER + "\"Rows\":[[\"x\"],[\"y\"]]}," + QCI_INFO
                + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]";
        assertEquals(List.of("x", "y"), read(body));
    }

    @Test
    void anErrorInDataSetCompletionIsTheKustoError() {
        String body = HEADER + "\"Rows\":[[\"x\"]]}," + QCI_INFO
                + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":true,\"Cancelled\":false,\"OneApiErrors\":"
                + "[{\"error\":{\"code\":\"LimitsExceeded\",\"message\":\"Request is invalid and cannot be executed.\","
                + "\"@type\":\"Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException\","
                + "\"@message\":\"... (E_QUERY_RESULT_SET_TOO_LARGE, 0x80DA0003) ...\",\"@permanent\":true}}]}]";
        KustoServiceException e = assertThrows(KustoServiceException.class, () -> read(body));
        assertEquals("LimitsExceeded", e.code().orElse(null));
        assertEquals("req-1", e.clientRequestId());
        assertTrue(e.detail().orElse("").contains("E_QUERY_RESULT_SET_TOO_LARGE"));
    }

    @Test
    void anErrorEventInQueryCompletionInformationFailsTheQuery() {
        String body = HEADER + "\"Rows\":[[\"x\"]]},"
                + "{\"FrameType\":\"DataTable\",\"TableId\":2,\"TableKind\":\"QueryCompletionInformation\","
                + "\"TableName\":\"QueryCompletionInformation\",\"Columns\":[{\"ColumnName\":\"LevelName\","
                + "\"ColumnType\":\"string\"},{\"ColumnName\":\"Payload\",\"ColumnType\":\"string\"}],"
                + "\"Rows\":[[\"Error\",\"{\\\"Text\\\":\\\"the partition failed\\\"}\"]]},"
                + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]";
        KustoServiceException e = assertThrows(KustoServiceException.class, () -> read(body));
        assertTrue(e.toString().contains("the partition failed"), e.toString());
    }

    @Test
    void anErrorPlacedInsideTheRowsOrACancellationFails() {
        String inline = HEADER + "\"Rows\":[[\"x\"],{\"Exceptions\":[\"Query execution was cancelled\"]}]},"
                + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]";
        KustoServiceException e = assertThrows(KustoServiceException.class, () -> read(inline));
        assertTrue(e.toString().contains("after 1 rows"), e.toString());

        String cancelled = HEADER + "\"Rows\":[]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,"
                + "\"Cancelled\":true}]";
        assertThrows(KustoServiceException.class, () -> read(cancelled));
    }

    @Test
    void aBodyThatIsNotV2IsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read("{\"Tables\":[]}"));
        assertTrue(e.getMessage().contains("req-1"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> read("[{\"FrameType\":\"DataSetHeader\"}]"));
    }
}

package io.kustotyped.emulator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One record read from an ingest payload: a JSON object (JSON formats), either as its tree or as the values of the
 * top-level properties its mapping reads ({@link TopLevelFields}), or a list of fields (separated-values formats),
 * with its 1-based line number for {@code SourceLineNumber} and error messages.
 *
 * @param json the JSON record's tree, or {@code null}
 * @param topLevel the values of the mapped top-level properties in {@link TopLevelFields} order ({@code null} where
 *     missing), or {@code null}
 * @param fields the fields of a text record, or {@code null} for a JSON record
 * @param lineNumber the line the record starts on (1-based)
 */
public record SourceRecord(JsonNode json, JsonNode[] topLevel, List<String> fields, long lineNumber) {

    /**
     * A JSON record as its tree, or a text record as its fields.
     *
     * @param json the JSON record's tree, or {@code null} for a text record
     * @param fields the fields of a text record, or {@code null} for a JSON record
     * @param lineNumber the line the record starts on (1-based)
     */
    public SourceRecord(JsonNode json, List<String> fields, long lineNumber) {
        this(json, null, fields, lineNumber);
    }

    static SourceRecord ofTopLevel(JsonNode[] topLevel, long lineNumber) {
        return new SourceRecord(null, topLevel, null, lineNumber);
    }
}

package io.kustotyped.emulator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One record read from an ingest payload: a JSON object (JSON formats) or a list of fields (separated-values
 * formats), with its 1-based line number for {@code SourceLineNumber} and error messages.
 *
 * @param json the JSON record, or {@code null} for a text record
 * @param fields the fields of a text record, or {@code null} for a JSON record
 * @param lineNumber the line the record starts on (1-based)
 */
public record SourceRecord(JsonNode json, List<String> fields, long lineNumber) {}

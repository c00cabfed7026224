package io.kustotyped.emulator.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kustotyped.emulator.store.JsonLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One ingestion message of the V1 queue protocol, decoded: the queue text is the base64 of a UTF-8 JSON object whose
 * keys are read in any case (Microsoft's Java client sends camelCase, the docs, Python and Go PascalCase), report
 * settings as numbers or names, and {@code AdditionalProperties} values as strings (docs/queue-protocol.md §2).
 *
 * @param id the source id ({@code Id})
 * @param blobPath the blob URL with its SAS
 * @param rawDataSize the uncompressed size, or null
 * @param database the database
 * @param table the table
 * @param retainBlobOnSuccess whether the blob stays after a success
 * @param reportLevel 0 FailuresOnly, 1 None, 2 FailuresAndSuccesses
 * @param reportMethod 0 Queue, 1 Table, 2 QueueAndTable
 * @param statusTable {@code IngestionStatusInTable}, or null
 * @param properties {@code AdditionalProperties}, keys in any case
 */
record IngestionMessage(
        String id,
        String blobPath,
        Long rawDataSize,
        String database,
        String table,
        boolean retainBlobOnSuccess,
        int reportLevel,
        int reportMethod,
        StatusRow statusTable,
        Map<String, String> properties) {

    static final int FAILURES_ONLY = 0;
    static final int NONE = 1;
    static final int FAILURES_AND_SUCCESSES = 2;
    static final int QUEUE = 0;
    static final int TABLE = 1;
    static final int QUEUE_AND_TABLE = 2;

    private static final ObjectMapper JSON = JsonLimits.mapper();

    /**
     * The status-table row the client created.
     *
     * @param tableUrl the table URL with its SAS
     * @param partitionKey the row's partition key
     * @param rowKey the row's key
     */
    record StatusRow(String tableUrl, String partitionKey, String rowKey) {}

    /** A message that cannot be decoded; the text says why. */
    static final class BadMessageException extends Exception {
        private static final long serialVersionUID = 1L;

        BadMessageException(String message) {
            super(message);
        }
    }

    /**
     * Decodes a queue message's text.
     *
     * @throws BadMessageException naming what is wrong
     */
    static IngestionMessage decode(String queueText) throws BadMessageException {
        byte[] json;
        try {
            json = Base64.getMimeDecoder().decode(queueText.trim());
        } catch (IllegalArgumentException e) {
            throw new BadMessageException("the message text is not base64: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new BadMessageException("the message is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadMessageException("the message is not a JSON object");
        }
        Map<String, JsonNode> m = fields(root);
        Map<String, String> props = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode ap = m.get("AdditionalProperties");
        if (ap != null && ap.isObject()) {
            fields(ap).forEach((k, v) -> props.put(k, v.isTextual() ? v.textValue() : v.toString()));
        } else if (ap != null && ap.isTextual() && !ap.textValue().isBlank()) {
            try {
                JsonNode parsed = JSON.readTree(ap.textValue());
                if (parsed != null && parsed.isObject()) {
                    fields(parsed).forEach((k, v) -> props.put(k, v.isTextual() ? v.textValue() : v.toString()));
                }
            } catch (IOException e) {
                throw new BadMessageException("AdditionalProperties is a string but not a JSON object");
            }
        }
        StatusRow status = null;
        JsonNode st = m.get("IngestionStatusInTable");
        if (st != null && st.isObject()) {
            Map<String, JsonNode> s = fields(st);
            status = new StatusRow(text(s, "TableConnectionString"), text(s, "PartitionKey"), text(s, "RowKey"));
            if (status.tableUrl() == null || status.partitionKey() == null || status.rowKey() == null) {
                throw new BadMessageException(
                        "IngestionStatusInTable needs TableConnectionString, PartitionKey and RowKey");
            }
        }
        JsonNode size = m.get("RawDataSize");
        return new IngestionMessage(
                require(m, "Id"),
                require(m, "BlobPath"),
                size == null || size.isNull() || !size.canConvertToLong() ? null : size.asLong(),
                require(m, "DatabaseName"),
                require(m, "TableName"),
                bool(m.get("RetainBlobOnSuccess"), false),
                level(m.get("ReportLevel"), "ReportLevel", List.of("failuresonly", "none", "failuresandsuccesses")),
                level(m.get("ReportMethod"), "ReportMethod", List.of("queue", "table", "queueandtable")),
                status,
                props);
    }

    /** @return the additional property, or null */
    String property(String key) {
        String v = properties.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** @return a JSON-array-string property ({@code tags}, {@code ingestIfNotExists}) as a list */
    List<String> listProperty(String key) throws BadMessageException {
        String v = property(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        try {
            JsonNode arr = JSON.readTree(v);
            if (arr == null || !arr.isArray()) {
                throw new BadMessageException(key + " must be a JSON array in a string, e.g. \"[\\\"a\\\"]\"");
            }
            arr.forEach(e -> out.add(e.asText()));
        } catch (IOException e) {
            throw new BadMessageException(key + " must be a JSON array in a string: " + e.getMessage());
        }
        return out;
    }

    boolean reportsSuccess() {
        return reportLevel == FAILURES_AND_SUCCESSES;
    }

    boolean reportsFailure() {
        return reportLevel != NONE;
    }

    boolean toQueue() {
        return reportMethod == QUEUE || reportMethod == QUEUE_AND_TABLE;
    }

    boolean toTable() {
        return (reportMethod == TABLE || reportMethod == QUEUE_AND_TABLE) && statusTable != null;
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    private static String text(Map<String, JsonNode> m, String key) {
        JsonNode v = m.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String require(Map<String, JsonNode> m, String key) throws BadMessageException {
        String v = text(m, key);
        if (v == null || v.isBlank()) {
            throw new BadMessageException("the message has no " + key);
        }
        return v;
    }

    private static boolean bool(JsonNode v, boolean absent) {
        if (v == null || v.isNull()) {
            return absent;
        }
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText());
    }

    private static int level(JsonNode v, String key, List<String> names) throws BadMessageException {
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.canConvertToInt() && v.isNumber()) {
            int n = v.intValue();
            if (n >= 0 && n < names.size()) {
                return n;
            }
        } else {
            String s = v.asText().trim().toLowerCase(Locale.ROOT);
            if (s.matches("\\d+")) {
                int n = Integer.parseInt(s);
                if (n < names.size()) {
                    return n;
                }
            }
            int i = names.indexOf(s);
            if (i >= 0) {
                return i;
            }
        }
        throw new BadMessageException(key + " '" + v.asText() + "' is not one of " + names);
    }

    /** @return the UTF-8 JSON of a report, base64-encoded as the status queues carry it */
    static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

package io.kustotyped.emulator.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.store.JsonLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the three JSON formats with their different rules for malformed records (docs/kusto-rules.md §8, §1.7):
 * {@code json} skips lines that are not one JSON object, {@code multijson} fails the whole payload with
 * {@code BadRequest_InvalidBlob} on any malformed record, {@code singlejson} takes exactly one object.
 */
final class JsonRecordReader {
    /**
     * Numbers keep their exact text (decimal columns), comments and single quotes are allowed (§8). Doubles are
     * parsed with Jackson's fast parser, which gives the same correctly rounded value as {@code Double.parseDouble}.
     */
    static final JsonMapper MAPPER = JsonLimits.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonRecordReader() {}

    /**
     * The result of reading: the records (or what each became) and how many lines {@code json} skipped.
     *
     * @param <T> a record, or what each record became
     */
    record Result<T>(List<T> records, int skipped) {}

    /**
     * Reads the records of a body.
     *
     * @param format a JSON format
     * @param data the body, valid UTF-8
     * @param fields the top-level properties the mapping reads, or {@code null} to keep each record's whole tree
     * @return the records and how many lines {@code json} skipped
     */
    static Result<SourceRecord> read(IngestFormat format, byte[] data, TopLevelFields fields) {
        return read(format, data, fields, Function.identity());
    }

    /**
     * Reads the records of a body, turning each into a row as soon as it is read, so that no record outlives its
     * row; a record that cannot be read still fails or is skipped as it would be.
     *
     * @param format a JSON format
     * @param data the body, valid UTF-8
     * @param fields the top-level properties the mapping reads, or {@code null} to keep each record's whole tree
     * @param each what to make of each record, in order
     * @param <T> what each record becomes
     * @return what the records became and how many lines {@code json} skipped
     */
    static <T> Result<T> read(IngestFormat format, byte[] data, TopLevelFields fields, Function<SourceRecord, T> each) {
        return switch (format) {
            case JSON -> jsonLines(data, fields, each);
            case MULTIJSON -> multiJson(data, fields, each);
            case SINGLEJSON -> singleJson(data, fields, each);
            default -> throw new IllegalArgumentException(format + " is not a JSON format");
        };
    }

    private static <T> Result<T> jsonLines(byte[] data, TopLevelFields fields, Function<SourceRecord, T> each) {
        List<T> records = new ArrayList<>();
        int skipped = 0;
        long lineNumber = 0;
        int start = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF
                ? 3
                : 0; // UTF-8 byte order mark
        while (start < data.length) {
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            lineNumber++;
            if (!isBlank(data, start, end)) {
                SourceRecord record = oneObject(data, start, end - start, lineNumber, fields);
                if (record == null) {
                    skipped++; // docs/kusto-rules.md §8: json skips lines that are not valid JSON records
                } else {
                    records.add(each.apply(record));
                }
            }
            start = end + 1;
        }
        return new Result<>(records, skipped);
    }

    private static boolean isBlank(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Exactly one JSON object on the line, or null. A line beyond the nesting or number limits is not skipped like a
     * malformed one: it is valid JSON the emulator cannot keep, so it fails the request.
     */
    private static SourceRecord oneObject(byte[] data, int offset, int length, long lineNumber, TopLevelFields fields) {
        try (JsonParser p = MAPPER.createParser(data, offset, length)) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                SourceRecord record = object(p, fields, lineNumber);
                return p.nextToken() == null ? record : null;
            } catch (StreamConstraintsException e) {
                throw KustoErrors.invalidBlob("json: the record at line " + lineNumber + " has "
                        + JsonLimits.describe(e, p).replaceFirst(" at line \\d+,", " at") + ".");
            }
        } catch (KustoError e) {
            throw e;
        } catch (IOException | NumberFormatException e) {
            return null; // a number Jackson cannot convert (exponent overflow) makes the line malformed too
        }
    }

    private static <T> Result<T> multiJson(byte[] data, TopLevelFields fields, Function<SourceRecord, T> each) {
        List<T> records = new ArrayList<>();
        JsonParser p = null;
        try (JsonParser parser = MAPPER.createParser(data)) {
            p = parser;
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw KustoErrors.invalidBlob("multijson: the JSON array is not closed (at line "
                                + p.currentLocation().getLineNr() + ").");
                    }
                    records.add(each.apply(record(p, t, records.size(), fields)));
                }
                if (p.nextToken() != null) {
                    throw KustoErrors.invalidBlob("multijson: unexpected content after the JSON array at line "
                            + p.currentLocation().getLineNr() + ", column "
                            + p.currentLocation().getColumnNr() + ".");
                }
            } else {
                while (t != null) {
                    records.add(each.apply(record(p, t, records.size(), fields)));
                    t = p.nextToken();
                }
            }
        } catch (JsonProcessingException e) {
            throw KustoErrors.invalidBlob("multijson: malformed JSON in record " + (records.size() + 1) + " ("
                    + JsonLimits.describe(e, p) + "). A malformed record fails the whole multijson payload.");
        } catch (NumberFormatException e) {
            throw KustoErrors.invalidBlob("multijson: malformed JSON in record " + (records.size() + 1) + " ("
                    + unreadableNumber(e, p) + "). A malformed record fails the whole multijson payload.");
        } catch (IOException e) {
            throw KustoErrors.invalidBlob("multijson: cannot read the payload: " + e.getMessage());
        }
        return new Result<>(records, 0);
    }

    /** One record, the parser on its {@code START_OBJECT}: the mapped properties only, or the whole tree. */
    private static SourceRecord object(JsonParser p, TopLevelFields fields, long line) throws IOException {
        return fields == null
                ? new SourceRecord(MAPPER.readTree(p), null, line)
                : SourceRecord.ofTopLevel(fields.read(p), line);
    }

    private static SourceRecord record(JsonParser p, JsonToken t, int index, TopLevelFields fields) throws IOException {
        long line = p.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
            throw KustoErrors.invalidBlob("multijson: record " + (index + 1) + " at line " + line
                    + " is not a JSON object (found " + t + ").");
        }
        return object(p, fields, line);
    }

    private static <T> Result<T> singleJson(byte[] data, TopLevelFields fields, Function<SourceRecord, T> each) {
        JsonParser p = null;
        try (JsonParser parser = MAPPER.createParser(data)) {
            p = parser;
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw KustoErrors.invalidBlob("singlejson: the payload must be one JSON object (found "
                        + (t == null ? "nothing" : t.toString()) + ").");
            }
            long line = p.currentTokenLocation().getLineNr();
            SourceRecord record = object(p, fields, line);
            if (p.nextToken() != null) {
                throw KustoErrors.invalidBlob("singlejson: only one JSON object is allowed per payload; more content "
                        + "at line " + p.currentLocation().getLineNr() + ". Use multijson for several records.");
            }
            return new Result<>(List.of(each.apply(record)), 0);
        } catch (JsonProcessingException e) {
            throw KustoErrors.invalidBlob("singlejson: malformed JSON (" + JsonLimits.describe(e, p) + ").");
        } catch (NumberFormatException e) {
            throw KustoErrors.invalidBlob("singlejson: malformed JSON (" + unreadableNumber(e, p) + ").");
        } catch (IOException e) {
            throw KustoErrors.invalidBlob("singlejson: cannot read the payload: " + e.getMessage());
        }
    }

    /** A number that tokenizes but does not convert, such as {@code 1e9999999999} (its exponent overflows). */
    private static String unreadableNumber(NumberFormatException e, JsonParser p) {
        return "a number that cannot be read: " + e.getMessage() + " at line "
                + p.currentLocation().getLineNr() + ", column "
                + p.currentLocation().getColumnNr();
    }
}

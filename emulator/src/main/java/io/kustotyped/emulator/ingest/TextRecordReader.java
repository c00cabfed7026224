package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the separated-values formats ({@code csv}, {@code tsv}, {@code scsv}, {@code psv}, {@code sohsv}) with
 * RFC 4180 quoting (a quoted field may hold delimiters, line breaks and doubled quotes), {@code tsve} with
 * backslash escapes, {@code txt} (a line is a record of one field) and {@code raw} (the payload is one field).
 * Blank lines are skipped. Every record must have the same number of fields as the first
 * ({@code Stream_WrongNumberOfFields}); an unterminated quote is {@code Stream_ClosingQuoteMissing}.
 */
final class TextRecordReader {
    private TextRecordReader() {}

    static List<SourceRecord> read(IngestFormat format, byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return switch (format) {
            case RAW -> text.isEmpty() ? List.of() : List.of(new SourceRecord(null, List.of(text), 1));
            case TXT -> lines(text);
            case TSVE -> separated(text, '\t', false, true);
            default -> separated(text, format.delimiter(), true, false);
        };
    }

    private static List<SourceRecord> lines(String text) {
        List<SourceRecord> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                out.add(new SourceRecord(null, List.of(lines[i]), i + 1));
            }
        }
        return out;
    }

    private static List<SourceRecord> separated(String text, char delimiter, boolean quotes, boolean escapes) {
        List<SourceRecord> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        boolean inQuotes = false;
        boolean fieldStarted = false;
        int expected = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && quotes && !fieldStarted) {
                inQuotes = true;
                fieldStarted = true;
            } else if (c == '\\' && escapes && i + 1 < n) {
                char e = text.charAt(++i);
                field.append(
                        switch (e) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case '0' -> '\0';
                            default -> e;
                        });
                fieldStarted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                expected = endRecord(out, fields, field, fieldStarted, recordLine, expected);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (inQuotes) {
            throw KustoErrors.badRequest(
                    "Stream_ClosingQuoteMissing",
                    "Invalid CSV format: the closing quote of " + "the field starting in record at line " + recordLine
                            + " is missing.");
        }
        endRecord(out, fields, field, fieldStarted, recordLine, expected);
        return out;
    }

    private static int endRecord(
            List<SourceRecord> out,
            List<String> fields,
            StringBuilder field,
            boolean fieldStarted,
            long line,
            int expected) {
        if (fields.isEmpty() && field.length() == 0 && !fieldStarted) {
            return expected; // blank line
        }
        fields.add(field.toString());
        field.setLength(0);
        if (expected >= 0 && fields.size() != expected) {
            throw KustoErrors.badRequest(
                    "Stream_WrongNumberOfFields",
                    "Inconsistent number of fields in the input "
                            + "records: the record at line " + line + " has " + fields.size()
                            + " fields, the first record has "
                            + expected + ".");
        }
        out.add(new SourceRecord(null, List.copyOf(fields), line));
        int count = fields.size();
        fields.clear();
        return count;
    }
}

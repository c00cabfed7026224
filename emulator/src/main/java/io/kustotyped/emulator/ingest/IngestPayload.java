package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an ingest request's body, ready to commit: the body decoded ({@code Content-Encoding}, bounded), checked
 * as UTF-8, read in its format (docs/kusto-rules.md §8) and mapped to the table's columns (§3).
 *
 * @param rows the rows, one per record
 * @param records how many records the body had
 */
record IngestPayload(List<Object[]> rows, int records) {

    /**
     * Reads a body; runs on a worker thread.
     *
     * @throws KustoError 413 past the data limit, 400 for data that cannot be read
     */
    static IngestPayload read(IngestTarget target, byte[] body, long maxDataBytes) {
        byte[] data = BodyDecoder.decode(body, target.contentEncoding(), maxDataBytes);
        int invalid = Utf8.firstInvalid(data);
        if (invalid >= 0) {
            throw KustoErrors.invalidBlob("The data is not valid UTF-8: " + Utf8.describe(data, invalid)
                    + " starts an invalid, overlong or truncated sequence. Text formats must be UTF-8.");
        }
        List<SourceRecord> records = null;
        List<Object[]> rows = null;
        int skipped = 0;
        TopLevelFields fields = null;
        if (target.format().isJson()) {
            fields = TopLevelFields.of(target.table(), target.mapping());
            MappingEngine early = fields == null ? null : prepareOrNull(target, fields);
            if (early != null) {
                // map each record as it is read: no record outlives its row (mapping a JSON record never fails)
                JsonRecordReader.Result<Object[]> r =
                        JsonRecordReader.read(target.format(), data, fields, early::apply);
                rows = r.records();
                skipped = r.skipped();
            } else {
                JsonRecordReader.Result<SourceRecord> r = JsonRecordReader.read(target.format(), data, fields);
                records = r.records();
                skipped = r.skipped();
            }
        } else {
            records = TextRecordReader.read(target.format(), data);
        }
        if (rows != null ? rows.isEmpty() : records.isEmpty()) {
            throw KustoErrors.noRecords(
                    data.length == 0
                            ? "The input stream produced 0 bytes. This usually means that the input JSON stream was ill formed."
                            : "The input stream produced 0 records"
                                    + (skipped > 0
                                            ? "; " + skipped + " line(s) were not valid JSON "
                                                    + "objects and were skipped (format 'json' is one object per line; use 'multijson' for arrays or "
                                                    + "multi-line objects)"
                                            : "")
                                    + ".");
        }
        if (rows != null) {
            return new IngestPayload(rows, rows.size());
        }
        MappingEngine engine = MappingEngine.prepare(target.table(), target.mapping(), fields);
        rows = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            rows.add(engine.apply(record));
        }
        return new IngestPayload(rows, records.size());
    }

    /** The engine, or null when the mapping does not fit the table: that error comes after the empty-body check. */
    private static MappingEngine prepareOrNull(IngestTarget target, TopLevelFields fields) {
        try {
            return MappingEngine.prepare(target.table(), target.mapping(), fields);
        } catch (KustoError e) {
            return null;
        }
    }
}

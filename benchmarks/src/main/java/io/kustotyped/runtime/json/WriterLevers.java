package io.kustotyped.runtime.json;

import io.kustotyped.benchmarks.LogRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Candidate writer levers (issue 11 §1, docs/performance.md §1.3), each a {@link LogRow} writer that writes exactly
 * what the generated one does with one change, so {@code SerializerBenchmark} can run it side by side with
 * {@code generated} in the same JMH run. It lives in the runtime's package (in the benchmarks jar only, which runs on
 * the class path) because each lever needs {@link JsonOutput}'s package-private {@code reserve}/{@code pos}; a lever
 * that wins moves into the runtime and out of here.
 *
 * <ul>
 *   <li>{@link #DATE_RECOMPUTED}: the <em>reverse</em> of a kept lever: {@code JsonOutput} now remembers the last
 *       datetime's day and copies its {@code yyyy-MM-dd} bytes; this probe recomputes the civil date on every row
 *       as before, so the kept lever stays measurable;
 *   <li>{@link #ONE_RESERVE}: one capacity check per row (the bound is known: fixed parts plus 6 bytes per string
 *       character) and the write position kept in a local for the whole row;
 *   <li>{@link #COMPARE_ESCAPES}: the string fast path tests {@code c < 0x20 || c == '"' || c == '\\'} instead of
 *       loading the escape table;
 *   <li>{@link #GET_CHARS}, {@link #TWO_PASS}: strings copied out with {@code String.getChars}, scanned with an early
 *       exit, or checked branch-free and then copied in a second loop.
 * </ul>
 *
 * <p>Results are in {@code benchmarks/README.md} ("Writer levers").
 */
public final class WriterLevers {

    private WriterLevers() {}

    private static final byte[] TIMESTAMP = bytes("{\"timestamp\":");
    private static final byte[] LEVEL = bytes(",\"level\":");
    private static final byte[] HOST = bytes(",\"host\":");
    private static final byte[] SERVICE = bytes(",\"service\":");
    private static final byte[] TRACE_ID = bytes(",\"traceId\":");
    private static final byte[] MESSAGE = bytes(",\"message\":");
    private static final byte[] DURATION_MICROS = bytes(",\"durationMicros\":");
    private static final byte[] BYTES = bytes(",\"bytes\":");
    private static final byte[] CPU = bytes(",\"cpu\":");
    private static final byte[] LATENCY_MS = bytes(",\"latencyMs\":");

    /** Keys, braces, datetime, two longs (20 each with sign) and two doubles (24 + 16 slack each) and the line end. */
    private static final int FIXED_MAX = TIMESTAMP.length
            + LEVEL.length
            + HOST.length
            + SERVICE.length
            + TRACE_ID.length
            + MESSAGE.length
            + DURATION_MICROS.length
            + BYTES.length
            + CPU.length
            + LATENCY_MS.length
            + 1
            + 30
            + 2 * 20
            + 2 * 48
            + 5 * 2
            + 1;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The datetime's civil date recomputed on every row (the writer before the date was remembered). */
    public static final JsonRowWriter<LogRow> DATE_RECOMPUTED = new DateRecomputedWriter();

    /** One capacity check per row. */
    public static final JsonRowWriter<LogRow> ONE_RESERVE = WriterLevers::writeOneReserve;

    /** Comparisons instead of the escape table in the string fast path. */
    public static final JsonRowWriter<LogRow> COMPARE_ESCAPES = WriterLevers::writeCompareEscapes;

    // ------------------------------------------------------------------ date recomputed per row

    /** As the generated writer, with the datetime's date part computed for every row. */
    private static final class DateRecomputedWriter implements JsonRowWriter<LogRow> {

        @Override
        public void write(LogRow row, JsonOutput out) {
            out.raw(TIMESTAMP);
            datetime(out, row.timestamp());
            out.raw(LEVEL);
            out.string(row.level());
            out.raw(HOST);
            out.string(row.host());
            out.raw(SERVICE);
            out.string(row.service());
            out.raw(TRACE_ID);
            out.string(row.traceId());
            out.raw(MESSAGE);
            out.string(row.message());
            out.raw(DURATION_MICROS);
            out.number(row.durationMicros());
            out.raw(BYTES);
            out.number(row.bytes());
            out.raw(CPU);
            out.number(row.cpu());
            out.raw(LATENCY_MS);
            out.number(row.latencyMs());
            out.rawByte('}');
        }

        private void datetime(JsonOutput out, Instant v) {
            long epochSecond = v.getEpochSecond();
            int nanos = v.getNano();
            if (!KustoTime.inRange(epochSecond)) {
                throw new IllegalArgumentException("out of range " + v);
            }
            long days = Math.floorDiv(epochSecond, 86_400L);
            int secOfDay = (int) (epochSecond - days * 86_400L);
            byte[] b = out.reserve(30);
            int p = out.pos;
            b[p] = '"';
            long z = days + 719_468L;
            long era = z / 146_097L;
            int doe = (int) (z - era * 146_097L);
            int yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
            int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            int mp = (5 * doy + 2) / 153;
            int day = doy - (153 * mp + 2) / 5 + 1;
            int month = mp < 10 ? mp + 3 : mp - 9;
            int year = (int) (era * 400 + yoe) + (month <= 2 ? 1 : 0);
            Digits.write2(b, p + 1, year / 100);
            Digits.write2(b, p + 3, year % 100);
            b[p + 5] = '-';
            Digits.write2(b, p + 6, month);
            b[p + 8] = '-';
            Digits.write2(b, p + 9, day);
            b[p + 11] = 'T';
            int hour = secOfDay / 3600;
            int rest = secOfDay - hour * 3600;
            int minute = rest / 60;
            Digits.write2(b, p + 12, hour);
            b[p + 14] = ':';
            Digits.write2(b, p + 15, minute);
            b[p + 17] = ':';
            Digits.write2(b, p + 18, rest - minute * 60);
            b[p + 20] = '.';
            writeTicks(b, p + 21, nanos / 100);
            b[p + 28] = 'Z';
            b[p + 29] = '"';
            out.pos = p + 30;
        }
    }

    private static void writeTicks(byte[] b, int p, int ticks) {
        int hi = ticks / 100_000;
        int lo = ticks - hi * 100_000;
        Digits.write2(b, p, hi);
        int a = lo / 1_000;
        int r = lo - a * 1_000;
        Digits.write2(b, p + 2, a);
        int c = r / 10;
        Digits.write2(b, p + 4, c);
        b[p + 6] = (byte) ('0' + (r - c * 10));
    }

    // ------------------------------------------------------------------ one capacity check per row

    private static void writeOneReserve(LogRow row, JsonOutput out) {
        String level = row.level();
        String host = row.host();
        String service = row.service();
        String traceId = row.traceId();
        String message = row.message();
        int max = FIXED_MAX
                + 6 * (level.length() + host.length() + service.length() + traceId.length() + message.length());
        byte[] b = out.reserve(max);
        int p = out.pos;
        p = raw(b, p, TIMESTAMP);
        out.pos = p;
        Instant t = row.timestamp();
        if (!KustoTime.inRange(t.getEpochSecond())) {
            throw new IllegalArgumentException("out of range " + t);
        }
        KustoTime.datetime(out, t.getEpochSecond(), t.getNano());
        p = raw(b, out.pos, LEVEL);
        p = string(out, b, p, level);
        p = raw(b, p, HOST);
        p = string(out, b, p, host);
        p = raw(b, p, SERVICE);
        p = string(out, b, p, service);
        p = raw(b, p, TRACE_ID);
        p = string(out, b, p, traceId);
        p = raw(b, p, MESSAGE);
        p = string(out, b, p, message);
        p = raw(b, p, DURATION_MICROS);
        p = number(b, p, row.durationMicros());
        p = raw(b, p, BYTES);
        p = number(b, p, row.bytes());
        p = raw(b, p, CPU);
        out.pos = p;
        out.number(row.cpu());
        p = raw(b, out.pos, LATENCY_MS);
        out.pos = p;
        out.number(row.latencyMs());
        b[out.pos++] = '}';
    }

    private static int raw(byte[] b, int p, byte[] preEncoded) {
        System.arraycopy(preEncoded, 0, b, p, preEncoded.length);
        return p + preEncoded.length;
    }

    /** Non-negative longs only (the benchmark's), as {@code JsonOutput.number(long)} writes them. */
    private static int number(byte[] b, int p, long v) {
        if (v < 0) {
            throw new IllegalArgumentException("lever probe handles v >= 0 only");
        }
        int end = p + Digits.count(v);
        Digits.writeBackwards(b, end, v);
        return end;
    }

    /** The string with quotes; the caller reserved 6 bytes per char + 2. */
    private static int string(JsonOutput out, byte[] b, int p, String v) {
        int len = v.length();
        b[p++] = '"';
        int i = 0;
        for (; i < len; i++) {
            char c = v.charAt(i);
            if (c >= 128 || Utf8Strings.ESCAPE[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        if (i < len) {
            // The slow path reserves per chunk; the row's reservation already covers it, so b stays the array.
            out.pos = p;
            Utf8Strings.writeRest(out, v, i, len);
            p = out.pos;
        }
        b[p++] = '"';
        return p;
    }

    // ------------------------------------------------------------------ strings through getChars

    /** Strings copied out with {@code String.getChars} (an intrinsic) into a scratch array, then scanned. */
    public static final JsonRowWriter<LogRow> GET_CHARS = WriterLevers::writeGetChars;

    /** As {@link #GET_CHARS} in two passes: a branch-free check of all chars, then a plain narrowing copy. */
    public static final JsonRowWriter<LogRow> TWO_PASS = WriterLevers::writeTwoPass;

    private static char[] scratch = new char[256];

    private static void writeGetChars(LogRow row, JsonOutput out) {
        out.raw(TIMESTAMP);
        out.datetime(row.timestamp());
        out.raw(LEVEL);
        charsString(out, row.level());
        out.raw(HOST);
        charsString(out, row.host());
        out.raw(SERVICE);
        charsString(out, row.service());
        out.raw(TRACE_ID);
        charsString(out, row.traceId());
        out.raw(MESSAGE);
        charsString(out, row.message());
        out.raw(DURATION_MICROS);
        out.number(row.durationMicros());
        out.raw(BYTES);
        out.number(row.bytes());
        out.raw(CPU);
        out.number(row.cpu());
        out.raw(LATENCY_MS);
        out.number(row.latencyMs());
        out.rawByte('}');
    }

    private static void writeTwoPass(LogRow row, JsonOutput out) {
        out.raw(TIMESTAMP);
        out.datetime(row.timestamp());
        out.raw(LEVEL);
        twoPassString(out, row.level());
        out.raw(HOST);
        twoPassString(out, row.host());
        out.raw(SERVICE);
        twoPassString(out, row.service());
        out.raw(TRACE_ID);
        twoPassString(out, row.traceId());
        out.raw(MESSAGE);
        twoPassString(out, row.message());
        out.raw(DURATION_MICROS);
        out.number(row.durationMicros());
        out.raw(BYTES);
        out.number(row.bytes());
        out.raw(CPU);
        out.number(row.cpu());
        out.raw(LATENCY_MS);
        out.number(row.latencyMs());
        out.rawByte('}');
    }

    private static char[] scratch(int len) {
        char[] c = scratch;
        if (c.length < len) {
            c = scratch = new char[Math.max(len, 2 * c.length)];
        }
        return c;
    }

    private static void charsString(JsonOutput out, String v) {
        int len = v.length();
        char[] chars = scratch(len);
        v.getChars(0, len, chars, 0);
        byte[] b = out.reserve(len + 2);
        int p = out.pos;
        b[p++] = '"';
        int i = 0;
        for (; i < len; i++) {
            char c = chars[i];
            if (c >= 128 || Utf8Strings.ESCAPE[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        out.pos = p;
        if (i < len) {
            Utf8Strings.writeRest(out, v, i, len);
            b = out.reserve(1);
        }
        b[out.pos++] = '"';
    }

    private static void twoPassString(JsonOutput out, String v) {
        int len = v.length();
        char[] chars = scratch(len);
        v.getChars(0, len, chars, 0);
        int stop = 0;
        for (int i = 0; i < len; i++) {
            int c = chars[i];
            // Negative for c < 0x20 or c >= 0x80; '"' (0x22) and '\\' (0x5C) are tested by equality.
            stop |= (c - 0x20) | (0x7F - c) | ((c ^ '"') - 1) | ((c ^ '\\') - 1);
        }
        if (stop < 0) {
            charsString(out, v);
            return;
        }
        byte[] b = out.reserve(len + 2);
        int p = out.pos;
        b[p++] = '"';
        for (int i = 0; i < len; i++) {
            b[p + i] = (byte) chars[i];
        }
        p += len;
        b[p++] = '"';
        out.pos = p;
    }

    // ------------------------------------------------------------------ escape test by comparisons

    private static void writeCompareEscapes(LogRow row, JsonOutput out) {
        out.raw(TIMESTAMP);
        out.datetime(row.timestamp());
        out.raw(LEVEL);
        compareString(out, row.level());
        out.raw(HOST);
        compareString(out, row.host());
        out.raw(SERVICE);
        compareString(out, row.service());
        out.raw(TRACE_ID);
        compareString(out, row.traceId());
        out.raw(MESSAGE);
        compareString(out, row.message());
        out.raw(DURATION_MICROS);
        out.number(row.durationMicros());
        out.raw(BYTES);
        out.number(row.bytes());
        out.raw(CPU);
        out.number(row.cpu());
        out.raw(LATENCY_MS);
        out.number(row.latencyMs());
        out.rawByte('}');
    }

    private static void compareString(JsonOutput out, String v) {
        int len = v.length();
        byte[] b = out.reserve(len + 2);
        int p = out.pos;
        b[p++] = '"';
        int i = 0;
        for (; i < len; i++) {
            char c = v.charAt(i);
            if (c >= 128 || c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            b[p++] = (byte) c;
        }
        out.pos = p;
        if (i < len) {
            Utf8Strings.writeRest(out, v, i, len);
            b = out.reserve(1);
        }
        b[out.pos++] = '"';
    }
}

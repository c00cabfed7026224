package io.kustotyped.runtime.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;

/**
 * A growable UTF-8 byte buffer that generated {@link JsonRowWriter}s write JSON into, one value at a time, without
 * allocating (except when the buffer grows, and for decimals and {@link #dynamic(Object)} values that need it).
 *
 * <p>This class is the value side: one method per kind of Kusto value, each choosing the JSON form and handing
 * the bytes to an encoder of this package (strings {@code Utf8Strings}, doubles {@code Schubfach}, datetimes and
 * timespans {@code KustoTime}, guids, base64, dynamic values). The byte side (the growable array, the batch
 * operations and the raw writes) is its package-private superclass, which generated code reaches only through
 * this class.
 *
 * <p>Every value method writes one complete JSON value; the caller writes the punctuation between them with
 * {@link #raw(byte[])} (pre-encoded {@code ,"Name":} prefixes) and {@link #rawByte(int)}. Values are encoded as
 * Kusto's JSON ingestion reads them (docs/kusto-rules.md §4.2): datetimes as {@code "yyyy-MM-ddTHH:mm:ss.fffffffZ"},
 * timespans as {@code "[-][d.]hh:mm:ss[.fffffff]"}, NaN and infinities as the strings Kusto writes, decimals as
 * strings. A {@code null} reference passed to any value method is written as JSON {@code null}.
 *
 * <p>For batching: {@link #size()}, {@link #array()}, {@link #reset()}, {@link #mark()} and {@link #truncate(int)}
 * are O(1) and never copy, so a batcher can write a row, look at the size, and cut the batch at a row boundary.
 *
 * <p>Not thread-safe: use one per thread, or per batch.
 */
public final class JsonOutput extends JsonBuffer {

    /** Default initial capacity: 8 KiB, a few dozen typical rows. */
    public static final int DEFAULT_CAPACITY = 8192;

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NAN = {'"', 'N', 'a', 'N', '"'};
    private static final byte[] POSITIVE_INFINITY = {'"', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y', '"'};
    private static final byte[] NEGATIVE_INFINITY = {'"', '-', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y', '"'};
    private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The day (since 1970-01-01) whose {@code yyyy-MM-dd} is in {@link #datetimeDate}; for {@code KustoTime}. */
    long datetimeDay = Long.MIN_VALUE;

    /** The last datetime's date bytes, reused while consecutive datetimes fall on the same day. */
    final byte[] datetimeDate = new byte[KustoTime.DATE_LENGTH];

    /** An empty buffer with {@link #DEFAULT_CAPACITY}. */
    public JsonOutput() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * An empty buffer.
     *
     * @param initialCapacity bytes to allocate up front; the buffer grows by doubling as needed
     * @throws IllegalArgumentException if negative
     */
    public JsonOutput(int initialCapacity) {
        super(initialCapacity);
    }

    // ---------------------------------------------------------------- literals and numbers

    /** Writes {@code null}. */
    public void nullValue() {
        raw(NULL);
    }

    /** Writes {@code true} or {@code false}. */
    public void bool(boolean v) {
        raw(v ? TRUE : FALSE);
    }

    /** Writes {@code true}, {@code false} or {@code null}. */
    public void bool(Boolean v) {
        if (v == null) {
            nullValue();
        } else {
            bool(v.booleanValue());
        }
    }

    /** Writes the integer's digits. */
    public void number(int v) {
        number((long) v);
    }

    /** Writes the integer's digits (all of {@code Long.MIN_VALUE} too). */
    public void number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                raw(LONG_MIN);
                return;
            }
            rawByte('-');
            v = -v;
        }
        byte[] b = reserve(19);
        int end = pos + Digits.count(v);
        Digits.writeBackwards(b, end, v);
        pos = end;
    }

    /**
     * Shortest decimal that parses back to exactly {@code v} ({@link Schubfach}), laid out like
     * {@link Double#toString(double)} ({@code 100.0}, {@code 1.0E21}); NaN and infinities as the strings
     * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} that Kusto writes and reads (docs/kusto-rules.md §4.2).
     */
    public void number(double v) {
        if (Double.isFinite(v)) {
            Schubfach.write(this, v);
        } else {
            raw(Double.isNaN(v) ? NAN : v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
        }
    }

    /** As {@link #number(double)}, with the shortest decimal that parses back to exactly this {@code float}. */
    public void number(float v) {
        if (Float.isFinite(v)) {
            Schubfach.write(this, v);
        } else {
            raw(Float.isNaN(v) ? NAN : v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
        }
    }

    /**
     * A boxed primitive number ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code Double},
     * {@code Float}), or a {@code BigDecimal}/{@code BigInteger} as a plain JSON number with every digit (use
     * {@link #decimal(BigDecimal)} for decimal columns), or {@code null}.
     *
     * @throws IllegalArgumentException for other {@link Number} types ({@code AtomicLong}, ...), naming the type
     */
    public void number(Number v) {
        if (v == null) {
            nullValue();
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            number(v.longValue());
        } else if (v instanceof Double) {
            number(v.doubleValue());
        } else if (v instanceof Float) {
            number(v.floatValue());
        } else if (v instanceof BigDecimal) {
            DynamicWriter.plainNumber(this, (BigDecimal) v);
        } else if (v instanceof BigInteger) {
            decimalDigits(v.toString());
        } else {
            throw new IllegalArgumentException("Cannot write a " + v.getClass().getName() + " as a JSON number");
        }
    }

    // ---------------------------------------------------------------- strings

    /**
     * A quoted JSON string (RFC 8259), UTF-8 encoded; {@code null} is written as JSON null. Escapes {@code "},
     * {@code \}, control characters ({@code \n} and friends, others as <code>&#92;u00XX</code>) and U+2028/U+2029;
     * a surrogate that is not half of a valid pair is written as a <code>&#92;uDXXX</code> escape, never replaced.
     */
    public void string(CharSequence v) {
        if (v instanceof String) {
            Utf8Strings.quoted(this, (String) v);
        } else if (v == null) {
            nullValue();
        } else {
            Utf8Strings.quoted(this, v);
        }
    }

    /** As {@link #string(CharSequence)}; a separate overload so the JIT sees only {@code String.charAt}. */
    public void string(String v) {
        if (v == null) {
            nullValue();
        } else {
            Utf8Strings.quoted(this, v);
        }
    }

    /** A one-character JSON string, escaped as {@link #string(CharSequence)} does. */
    public void string(char v) {
        Utf8Strings.quoted(this, v);
    }

    /** As {@link #string(char)}, or JSON null. */
    public void string(Character v) {
        if (v == null) {
            nullValue();
        } else {
            string(v.charValue());
        }
    }

    // ---------------------------------------------------------------- decimals

    /**
     * Writes all digits of {@code v} in plain notation ({@link BigDecimal#toPlainString()}, so {@code 1E+3}
     * gives {@code "1000"} and {@code 1.50} keeps {@code "1.50"}) as a JSON <em>string</em>: Kusto's decimal
     * holds up to 38 digits but a JSON number with more than ~28 may go through a double (docs/kusto-rules.md §4.1), and
     * a decimal column converts numeric strings exactly (§4.2). Allocates (decimals are rare).
     */
    public void decimal(BigDecimal v) {
        if (v == null) {
            nullValue();
        } else {
            quotedAscii(v.toPlainString());
        }
    }

    /** Writes the integer's digits as a JSON string, as {@link #decimal(BigDecimal)} does. */
    public void decimal(BigInteger v) {
        if (v == null) {
            nullValue();
        } else {
            quotedAscii(v.toString());
        }
    }

    /** Digits, sign and point only (no escaping needed), unquoted. */
    void decimalDigits(String ascii) {
        int n = ascii.length();
        byte[] b = reserve(n);
        int p = pos;
        for (int i = 0; i < n; i++) {
            b[p + i] = (byte) ascii.charAt(i);
        }
        pos = p + n;
    }

    private void quotedAscii(String ascii) {
        rawByte('"');
        decimalDigits(ascii);
        rawByte('"');
    }

    // ---------------------------------------------------------------- datetime and timespan

    /**
     * {@code "yyyy-MM-ddTHH:mm:ss.fffffffZ"} in UTC, always 7 fraction digits (docs/kusto-rules.md §4.2); nanoseconds
     * below 100 ns are dropped (floored to the tick).
     *
     * @throws IllegalArgumentException if the instant is outside Kusto's years 0001–9999
     */
    public void datetime(Instant v) {
        if (v == null) {
            nullValue();
        } else {
            datetime(v.getEpochSecond(), v.getNano(), v);
        }
    }

    /** Its instant, as {@link #datetime(Instant)}. */
    public void datetime(OffsetDateTime v) {
        if (v == null) {
            nullValue();
        } else {
            datetime(v.toEpochSecond(), v.getNano(), v);
        }
    }

    /** Its instant, as {@link #datetime(Instant)}. */
    public void datetime(ZonedDateTime v) {
        if (v == null) {
            nullValue();
        } else {
            datetime(v.toEpochSecond(), v.getNano(), v);
        }
    }

    /** Midnight UTC of that date. */
    public void datetime(LocalDate v) {
        if (v == null) {
            nullValue();
        } else {
            datetime(v.toEpochDay() * 86_400L, 0, v);
        }
    }

    /** Read as UTC, as Kusto reads a datetime without a zone (docs/kusto-rules.md §4.2). */
    public void datetime(LocalDateTime v) {
        if (v == null) {
            nullValue();
        } else {
            datetime(v.toEpochSecond(ZoneOffset.UTC), v.getNano(), v);
        }
    }

    /** Its milliseconds since the epoch, as {@link #datetime(Instant)}. */
    public void datetime(Date v) {
        if (v == null) {
            nullValue();
        } else {
            long millis = v.getTime();
            datetime(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000, v);
        }
    }

    /**
     * The datetime {@code epochSecond + nanos} UTC, as {@link #datetime(Instant)} (for callers holding epoch
     * numbers rather than {@code java.time} objects).
     *
     * @param nanos 0..999,999,999
     * @throws IllegalArgumentException if outside Kusto's years 0001–9999, or if nanos is out of range
     */
    public void datetime(long epochSecond, int nanos) {
        datetime(epochSecond, nanos, null);
    }

    private void datetime(long epochSecond, int nanos, Object what) {
        if (!KustoTime.inRange(epochSecond) || nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException("datetime " + (what != null ? what : epochSecond + "s+" + nanos + "ns")
                    + " is outside Kusto's datetime range 0001-01-01T00:00:00Z..9999-12-31T23:59:59.9999999Z");
        }
        KustoTime.datetime(this, epochSecond, nanos);
    }

    /**
     * {@code "[-][d.]hh:mm:ss[.fffffff]"} (.NET's "c" TimeSpan format, docs/kusto-rules.md §4.2): days only when at
     * least one day, the 7-digit fraction only when not zero. Sub-100 ns parts are truncated towards zero.
     *
     * @throws IllegalArgumentException if beyond ±10675199.02:48:05.4775807 (a .NET TimeSpan's range)
     */
    public void timespan(Duration v) {
        if (v == null) {
            nullValue();
        } else {
            KustoTime.timespan(this, v.getSeconds(), v.getNano(), v);
        }
    }

    // ---------------------------------------------------------------- guid and bytes

    /** Canonical lower-case 8-4-4-4-12 form, quoted. */
    public void guid(UUID v) {
        if (v == null) {
            nullValue();
        } else {
            GuidWriter.write(this, v);
        }
    }

    /** A JSON string holding standard base64 (RFC 4648 §4 alphabet, padded); {@code null} as JSON null. */
    public void base64(byte[] v) {
        if (v == null) {
            nullValue();
        } else {
            Base64Writer.write(this, v);
        }
    }

    // ---------------------------------------------------------------- dynamic

    /**
     * A value of static type {@code Object} inside a dynamic column (a {@code Map<String, Object>} value, say),
     * dispatched with {@code instanceof}, no reflection: {@code null}; String and other CharSequence; Boolean;
     * Integer, Long, Short, Byte, Double, Float (as {@link #number(double)}); BigDecimal and BigInteger (plain JSON
     * numbers, every digit); Character; Map (keys via {@link String#valueOf(Object)}); Iterable, Object[] and
     * primitive arrays (JSON arrays; {@code char[]} as a string, {@code byte[]} as base64); Optional; Instant,
     * OffsetDateTime, ZonedDateTime, LocalDate, LocalDateTime, Date (datetime strings); Duration (timespan);
     * UUID (guid); Enum (its name); Jackson {@code JsonNode} (only when jackson-databind is present).
     *
     * @throws IllegalArgumentException for any other type, naming it, or for nesting deeper than 512 levels
     *     (most likely a cycle)
     */
    public void dynamic(Object v) {
        DynamicWriter.write(this, v, 0);
    }
}

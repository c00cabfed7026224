package io.kustotyped.runtime.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;

/**
 * CONTRACT SKETCH: the method set generated writers call. The json-package owner replaces every body
 * with the real allocation-free implementation and keeps (or extends) these signatures.
 *
 * <p>A growable UTF-8 byte buffer that generated {@link JsonRowWriter}s write JSON into. Not thread-safe;
 * reuse one per thread or per batch.
 */
public final class JsonOutput {

    public JsonOutput() { throw todo(); }

    public JsonOutput(int initialCapacity) { throw todo(); }

    /** Appends pre-encoded UTF-8 bytes as they are (field-name prefixes such as {@code ,"Level":}). */
    public void raw(byte[] preEncoded) { throw todo(); }

    /** Appends one ASCII byte ({@code '{'}, {@code '}'}, {@code ','}, {@code '['}, {@code ']'}, {@code ':'}, {@code '\n'}). */
    public void rawByte(int b) { throw todo(); }

    public void nullValue() { throw todo(); }

    public void bool(boolean v) { throw todo(); }

    public void number(int v) { throw todo(); }

    public void number(long v) { throw todo(); }

    /** Shortest round-trip form; NaN and infinities as docs/kusto-rules.md §4.2 says. */
    public void number(double v) { throw todo(); }

    public void number(float v) { throw todo(); }

    /** A quoted, escaped JSON string (RFC 8259), {@code null} written as JSON null. */
    public void string(CharSequence v) { throw todo(); }

    public void string(char v) { throw todo(); }

    /** Decimal without losing digits. */
    public void decimal(BigDecimal v) { throw todo(); }

    public void decimal(BigInteger v) { throw todo(); }

    /** {@code "yyyy-MM-ddTHH:mm:ss.fffffffZ"} in UTC, 100 ns precision. */
    public void datetime(Instant v) { throw todo(); }

    public void datetime(OffsetDateTime v) { throw todo(); }

    public void datetime(ZonedDateTime v) { throw todo(); }

    /** Midnight UTC of that date. */
    public void datetime(LocalDate v) { throw todo(); }

    /** Read as UTC, as Kusto reads a datetime without a zone. */
    public void datetime(LocalDateTime v) { throw todo(); }

    public void datetime(Date v) { throw todo(); }

    /** {@code "[-][d.]hh:mm:ss[.fffffff]"}. */
    public void timespan(Duration v) { throw todo(); }

    /** Canonical lower-case 8-4-4-4-12 form. */
    public void guid(UUID v) { throw todo(); }

    /** A JSON string holding standard base64. */
    public void base64(byte[] v) { throw todo(); }

    /**
     * A value of static type {@code Object} inside a dynamic column (a {@code Map<String, Object>} value, say):
     * dispatches with {@code instanceof} (no reflection) over String, Number, Boolean, Character, Map, Iterable,
     * arrays, java.time values, UUID, byte[] and Jackson JsonNode; anything else fails with a clear error.
     */
    public void dynamic(Object v) { throw todo(); }

    /** Number of bytes written since the last {@link #reset()}. */
    public int size() { throw todo(); }

    /** The backing array; valid bytes are {@code [0, size())}. */
    public byte[] array() { throw todo(); }

    /** Forgets what was written, keeping the buffer. */
    public void reset() { throw todo(); }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("JsonOutput contract sketch: not implemented yet");
    }
}

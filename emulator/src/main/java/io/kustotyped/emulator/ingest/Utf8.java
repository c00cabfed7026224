package io.kustotyped.emulator.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629): overlong forms ({@code C0 AF} for {@code /}), UTF-16 surrogates, code points
 * past U+10FFFF and truncated sequences are all invalid. Java's {@code new String(bytes, UTF_8)} would replace them
 * and Jackson decodes some overlong forms, so a body is checked once before either reads it.
 */
public final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8() {}

    /**
     * @param data the bytes
     * @return the offset of the first byte that does not start a valid sequence, or {@code -1} when all are valid
     */
    public static int firstInvalid(byte[] data) {
        int n = data.length;
        int i = 0;
        while (i < n) {
            // ASCII, the usual case, eight bytes at a time
            while (i + 8 <= n && ((long) LONGS.get(data, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= n) {
                break;
            }
            int b = data[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int length;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                if (b == 0xE0) {
                    lo = 0xA0; // below: overlong
                } else if (b == 0xED) {
                    hi = 0x9F; // above: surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                if (b == 0xF0) {
                    lo = 0x90; // below: overlong
                } else if (b == 0xF4) {
                    hi = 0x8F; // above: past U+10FFFF
                }
            } else {
                return i; // a continuation byte, C0/C1 (always overlong) or F5..FF
            }
            if (i + length > n) {
                return i;
            }
            int b1 = data[i + 1] & 0xFF;
            if (b1 < lo || b1 > hi) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if ((data[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /**
     * Describes an invalid byte for an error message.
     *
     * @param data the bytes
     * @param offset the offset {@link #firstInvalid} returned
     * @return e.g. {@code "byte 0xC0 at offset 12 (line 2)"}
     */
    public static String describe(byte[] data, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (data[i] == '\n') {
                line++;
            }
        }
        return String.format("byte 0x%02X at offset %d (line %d)", data[offset] & 0xFF, offset, line);
    }
}

package io.kustotyped.runtime.json;

import java.util.UUID;

/** Writes a {@link UUID} as Kusto reads a guid: quoted, canonical lower-case 8-4-4-4-12 hex, without allocating. */
final class GuidWriter {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private GuidWriter() {}

    static void write(JsonOutput out, UUID v) {
        byte[] b = out.reserve(38);
        int p = out.pos;
        long msb = v.getMostSignificantBits();
        long lsb = v.getLeastSignificantBits();
        b[p] = '"';
        hex(b, p + 1, msb >>> 32, 8);
        b[p + 9] = '-';
        hex(b, p + 10, msb >>> 16, 4);
        b[p + 14] = '-';
        hex(b, p + 15, msb, 4);
        b[p + 19] = '-';
        hex(b, p + 20, lsb >>> 48, 4);
        b[p + 24] = '-';
        hex(b, p + 25, lsb, 12);
        b[p + 37] = '"';
        out.pos = p + 38;
    }

    /** The low {@code 4·digits} bits of {@code v} as lower-case hex at {@code p}. */
    private static void hex(byte[] b, int p, long v, int digits) {
        for (int i = p + digits - 1; i >= p; i--) {
            b[i] = HEX[(int) v & 0xF];
            v >>>= 4;
        }
    }
}

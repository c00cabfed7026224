package io.kustotyped.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Kusto's datetime text ({@code yyyy-MM-ddTHH:mm:ss.fffffffZ}, docs/kusto-rules.md §4.2) written digit by digit
 * without allocating, as a careful user of DSL-JSON or fastjson2 would write their {@code Instant} converter: the
 * peers get a fast converter, not a {@code DateTimeFormatter}, so their scores measure the library. Years 0–9999.
 */
final class KustoInstantText {

    /** Characters of the unquoted text. */
    static final int LENGTH = 28;

    private static final ThreadLocal<byte[]> QUOTED = ThreadLocal.withInitial(() -> new byte[LENGTH + 2]);

    private KustoInstantText() {}

    /**
     * The quoted text ({@value #LENGTH} + 2 bytes) in a per-thread scratch array, valid until the next call on
     * this thread.
     */
    static byte[] quoted(Instant value) {
        byte[] b = QUOTED.get();
        b[0] = '"';
        write(value, b, 1);
        b[LENGTH + 1] = '"';
        return b;
    }

    /** The unquoted text as a {@code String} (for APIs that take only strings). */
    static String format(Instant value) {
        byte[] b = new byte[LENGTH];
        write(value, b, 0);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Writes the {@value #LENGTH} unquoted characters at {@code off}. */
    static void write(Instant value, byte[] b, int off) {
        long seconds = value.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // Civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil inverse).
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        digits(b, off, year, 4);
        b[off + 4] = '-';
        digits(b, off + 5, month, 2);
        b[off + 7] = '-';
        digits(b, off + 8, day, 2);
        b[off + 10] = 'T';
        digits(b, off + 11, secondOfDay / 3600, 2);
        b[off + 13] = ':';
        digits(b, off + 14, secondOfDay / 60 % 60, 2);
        b[off + 16] = ':';
        digits(b, off + 17, secondOfDay % 60, 2);
        b[off + 19] = '.';
        digits(b, off + 20, value.getNano() / 100, 7);
        b[off + 27] = 'Z';
    }

    private static void digits(byte[] b, int off, int value, int count) {
        for (int i = off + count - 1; i >= off; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}

package io.kustotyped.runtime.json;

import io.kustotyped.benchmarks.LogRow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * The writer lever that only a library willing to read {@code String}'s private fields can pull (issue 11 §1, the
 * "bulk copy of Latin-1 strings"): the generated {@link LogRow} writer with every string copied straight out of the
 * string's own Latin-1 byte array ({@code System.arraycopy}), then checked eight bytes at a time for a byte that needs
 * work (a control character, {@code "}, {@code \}, or a byte at or above 0x80, which is not ASCII); from the first such
 * byte the runtime's slow path takes over, so the output is byte for byte the generated writer's. UTF-16 strings go
 * through the shipped path unchanged.
 *
 * <p>It reads {@code String.value} and {@code String.coder} through {@code sun.misc.Unsafe}, as fastjson2 does. That is
 * why it is a probe in the benchmarks jar and not a runtime lever: without {@code --add-opens java.base/java.lang}
 * there is no supported way to ask a {@code String} whether it is Latin-1 or to see its bytes without a copy
 * ({@code String.getBytes(int, int, byte[], int)} keeps the low 8 bits of each char, so {@code Ł} (U+0141) would come
 * out as {@code A}), and the memory-access methods of {@code sun.misc.Unsafe} are deprecated for removal (JEP 471);
 * from JDK 24 the first call prints a warning on standard error (JEP 498), which a library must not do to its users.
 * The probe measures what the lever is worth, so the README can say what bounds the shipped writer.
 */
public final class StringInternalsLever {

    private StringInternalsLever() {}

    private static final sun.misc.Unsafe UNSAFE;
    private static final long VALUE;
    private static final long CODER;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (sun.misc.Unsafe) f.get(null);
            VALUE = UNSAFE.objectFieldOffset(String.class.getDeclaredField("value"));
            CODER = UNSAFE.objectFieldOffset(String.class.getDeclaredField("coder"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final byte[] TIMESTAMP = WriterLevers.bytes("{\"timestamp\":");
    private static final byte[] LEVEL = WriterLevers.bytes(",\"level\":");
    private static final byte[] HOST = WriterLevers.bytes(",\"host\":");
    private static final byte[] SERVICE = WriterLevers.bytes(",\"service\":");
    private static final byte[] TRACE_ID = WriterLevers.bytes(",\"traceId\":");
    private static final byte[] MESSAGE = WriterLevers.bytes(",\"message\":");
    private static final byte[] DURATION_MICROS = WriterLevers.bytes(",\"durationMicros\":");
    private static final byte[] BYTES = WriterLevers.bytes(",\"bytes\":");
    private static final byte[] CPU = WriterLevers.bytes(",\"cpu\":");
    private static final byte[] LATENCY_MS = WriterLevers.bytes(",\"latencyMs\":");

    /** The generated writer's output, with strings copied from their internal Latin-1 bytes. */
    public static final JsonRowWriter<LogRow> WRITER = StringInternalsLever::write;

    private static void write(LogRow row, JsonOutput out) {
        out.raw(TIMESTAMP);
        out.datetime(row.timestamp());
        out.raw(LEVEL);
        string(out, row.level());
        out.raw(HOST);
        string(out, row.host());
        out.raw(SERVICE);
        string(out, row.service());
        out.raw(TRACE_ID);
        string(out, row.traceId());
        out.raw(MESSAGE);
        string(out, row.message());
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

    private static void string(JsonOutput out, String v) {
        if (v == null || UNSAFE.getByte(v, CODER) != 0) { // null or UTF-16: the shipped path
            out.string(v);
            return;
        }
        byte[] value = (byte[]) UNSAFE.getObject(v, VALUE);
        int len = value.length;
        byte[] b = out.reserve(len + 2);
        int p = out.pos;
        b[p] = '"';
        System.arraycopy(value, 0, b, p + 1, len);
        int stop = firstStop(b, p + 1, len);
        if (stop < 0) {
            b[p + 1 + len] = '"';
            out.pos = p + len + 2;
            return;
        }
        out.pos = p + 1 + stop;
        Utf8Strings.writeRest(out, v, stop, len);
        b = out.reserve(1);
        b[out.pos++] = '"';
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The index (from {@code from}) of the first byte that is not plain printable ASCII, or -1. */
    static int firstStop(byte[] b, int from, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long x = (long) LONGS.get(b, from + i);
            long nonAscii = x & HIGHS;
            long control = (x - 0x20 * ONES) & ~x & HIGHS; // some byte < 0x20 (exact as an existence test)
            long quote = hasZero(x ^ ('"' * ONES));
            long backslash = hasZero(x ^ ('\\' * ONES));
            if ((nonAscii | control | quote | backslash) != 0) {
                break; // locate it byte by byte below
            }
        }
        for (; i < len; i++) {
            int c = b[from + i] & 0xFF;
            if (c >= 128 || Utf8Strings.ESCAPE[c] != 0) {
                return i;
            }
        }
        return -1;
    }

    private static long hasZero(long v) {
        return (v - ONES) & ~v & HIGHS;
    }
}

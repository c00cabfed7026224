package io.kustotyped.emulator.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kustotyped.emulator.error.KustoError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The body is inflated into an array sized from the gzip trailer: exact, wrong (two members, a forged trailer) or
 * absent (deflate), the bytes are the same and the data limit holds.
 */
class BodyDecoderTest {

    @Test
    void gzipAndDeflateBodiesOfEverySizeDecodeToTheirBytes() {
        SplittableRandom r = new SplittableRandom(7);
        for (int size : new int[] {0, 1, 63, 64, 65, 8191, 8192, 100_000, 1 << 20}) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) ('a' + r.nextInt(4));
            }
            assertArrayEquals(data, BodyDecoder.decode(gzip(data), "gzip", 1 << 22), "gzip " + size);
            assertArrayEquals(data, BodyDecoder.decode(deflate(data), "deflate", 1 << 22), "deflate " + size);
        }
    }

    @Test
    void aWrongTrailerIsOnlyAHint() {
        byte[] first = "{\"a\":1}\n".repeat(1000).getBytes();
        byte[] second = "{\"b\":2}\n".repeat(3000).getBytes();
        byte[] twoMembers = concat(gzip(first), gzip(second)); // ISIZE is the second member's
        assertArrayEquals(concat(first, second), BodyDecoder.decode(twoMembers, "gzip", 1 << 22));
        byte[] forged = gzip(second);
        forged[forged.length - 4] = 1; // ISIZE says about 1 byte too small... or large
        forged[forged.length - 3] = 0;
        assertThrows(KustoError.class, () -> BodyDecoder.decode(forged, "gzip", 1 << 22), "the CRC/size check");
    }

    @Test
    void theLimitHoldsWhateverTheTrailerSays() {
        byte[] data = new byte[10_000];
        assertEquals(10_000, BodyDecoder.decode(gzip(data), "gzip", 10_000).length);
        KustoError e = assertThrows(KustoError.class, () -> BodyDecoder.decode(gzip(data), "gzip", 9_999));
        assertEquals(413, e.httpStatus());
        byte[] lying = gzip(data);
        lying[lying.length - 4] = 16; // ISIZE 16: the array must grow, and stop at the limit
        lying[lying.length - 3] = 0;
        assertEquals(
                413,
                assertThrows(KustoError.class, () -> BodyDecoder.decode(lying, "gzip", 9_999))
                        .httpStatus());
        assertEquals(
                413,
                assertThrows(KustoError.class, () -> BodyDecoder.decode(deflate(data), "deflate", 9_999))
                        .httpStatus());
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

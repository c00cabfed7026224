package io.kustotyped.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The hand-written gzip member is read back by the JDK's GZIPInputStream, for every level and shape of input. */
class GzipTest {

    private static byte[] gunzip(Buffer b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b.getBytes()))) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsEmptyTextAndIncompressibleInputAtEveryLevel() throws IOException {
        byte[] text = "{\"Id\":1,\"Message\":\"hello\"}\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[300_000];
        new Random(1).nextBytes(random); // gzip output is larger than the input: the buffer must grow
        for (int level = 1; level <= 9; level++) {
            assertArrayEquals(new byte[0], gunzip(Gzip.compress(new byte[0], 0, 0, level)));
            assertArrayEquals(text, gunzip(Gzip.compress(text, 0, text.length, level)));
            assertArrayEquals(random, gunzip(Gzip.compress(random, 0, random.length, level)));
        }
    }

    @Test
    void compressesASliceOnlyAndReusesTheDeflater() throws IOException {
        byte[] data = "xxxxHELLO WORLDyyyy".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Arrays.copyOfRange(data, 4, 15), gunzip(Gzip.compress(data, 4, 11, 1)));
        }
        byte[] text = "{\"a\":1}\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        assertTrue(Gzip.compress(text, 0, text.length, 1).length() < text.length / 20);
    }

    @Test
    void theJsonLinesEncoderWritesGzipThatTheJdkReads() throws IOException {
        byte[] text = "{\"Id\":1,\"Message\":\"hello\"}\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[300_000];
        new Random(2).nextBytes(random);
        for (byte[] input : List.of(new byte[0], new byte[] {'x'}, text, random)) {
            assertArrayEquals(input, gunzip(Gzip.compress(input, 0, input.length, Gzip.JSON_LINES)));
        }
        byte[] data = "xxxxHELLO WORLDyyyy".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Arrays.copyOfRange(data, 4, 15), gunzip(Gzip.compress(data, 4, 11, Gzip.JSON_LINES)));
    }

    @Test
    void compressIntoReusesTheBufferAndRefusesPastTheLimitWithEitherEncoder() throws IOException {
        byte[] random = new byte[200_000];
        new Random(3).nextBytes(random);
        for (int level : new int[] {1, Gzip.JSON_LINES}) {
            SlotBuffers into = new SlotBuffers();
            int n = Gzip.compressInto(into, random, 0, random.length, level, Integer.MAX_VALUE);
            assertArrayEquals(random, gunzip(into.gz.slice(0, n)));
            assertEquals(n, Gzip.compress(random, 0, random.length, level).length(), "same bytes either way");
            assertEquals(-1, Gzip.compressInto(into, random, 0, random.length, level, n - 1), "one byte short");
            assertEquals(n, Gzip.compressInto(into, random, 0, random.length, level, n), "exactly the limit");
            assertArrayEquals(random, gunzip(into.gz.slice(0, n)), "the reused buffer holds the new member");
        }
    }
}

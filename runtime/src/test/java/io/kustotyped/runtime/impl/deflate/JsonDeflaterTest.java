package io.kustotyped.runtime.impl.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Every output of {@link JsonDeflater} inflates with the JDK's zlib to exactly its input. */
class JsonDeflaterTest {

    private final JsonDeflater deflater = new JsonDeflater(); // one instance throughout: reuse is part of the test

    private byte[] roundTrip(byte[] input) throws DataFormatException {
        byte[] raw = DeflateCorpus.deflate(deflater, input, 0, input.length);
        assertArrayEquals(input, DeflateCorpus.inflate(raw), "round trip of " + input.length + " bytes");
        return raw;
    }

    @Test
    void emptyOneByteAndEveryByteValue() throws DataFormatException {
        roundTrip(new byte[0]);
        for (int b = 0; b < 256; b++) {
            roundTrip(new byte[] {(byte) b});
        }
        byte[] all = new byte[256 * 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        roundTrip(all);
        for (int len = 2; len <= 40; len++) { // every length around the 8-byte tail that is never matched
            roundTrip(Arrays.copyOf(all, len));
            roundTrip(DeflateCorpus.run(len, (byte) 'a'));
        }
    }

    @Test
    void longRunsUseTheLongestMatches() throws DataFormatException {
        byte[] raw = roundTrip(DeflateCorpus.run(1 << 20, (byte) 0));
        assertTrue(raw.length < 6000, "a 1 MB run is ~4,065 matches of 258 bytes, got " + raw.length + " bytes");
        byte[] period = new byte[1 << 20]; // a period just under the window: the longest distances
        byte[] unit = DeflateCorpus.random(32_767, 5);
        for (int i = 0; i < period.length; i++) {
            period[i] = unit[i % unit.length];
        }
        byte[] periodic = roundTrip(period); // positions inside a match are not hashed: a third of it is found again
        assertTrue(periodic.length < period.length / 2, "matches at distance 32,767: " + periodic.length + " bytes");
        byte[] tooFar = new byte[200_000]; // a period one past the window: nothing to match, all stored
        byte[] unit2 = DeflateCorpus.random(32_769, 6);
        for (int i = 0; i < tooFar.length; i++) {
            tooFar[i] = unit2[i % unit2.length];
        }
        roundTrip(tooFar);
    }

    @Test
    void incompressibleInputGoesIntoStoredBlocks() throws DataFormatException {
        for (int len : new int[] {100, 65_535, 65_536, 200_003, 1 << 20}) {
            byte[] raw = roundTrip(DeflateCorpus.random(len, len));
            assertTrue(raw.length <= len + 5 * (len / 65_535 + 1) + 40, len + " random bytes took " + raw.length);
        }
    }

    @Test
    void jsonLinesCompressAboutAsWellAsZlibLevel1() throws DataFormatException {
        byte[] json = DeflateCorpus.jsonLines(10_000, 2026);
        byte[] raw = roundTrip(json);
        Deflater zlib = new Deflater(1, true);
        zlib.setInput(json);
        zlib.finish();
        byte[] buf = new byte[json.length];
        int zlibLength = 0;
        while (!zlib.finished()) {
            zlibLength += zlib.deflate(buf);
        }
        zlib.end();
        assertTrue(
                raw.length < zlibLength * 1.25,
                "JSON lines: " + raw.length + " bytes against zlib level 1's " + zlibLength);
    }

    @Test
    void inputsCrossingBlockAndWindowBoundariesAndOver4MiB() throws DataFormatException {
        byte[] json = DeflateCorpus.jsonLines(14_000, 7); // > 5 MB: many 64K-symbol blocks
        assertTrue(json.length > 4 << 20);
        roundTrip(json);
        byte[] mixed = new byte[3 * JsonDeflater.BLOCK_SYMBOLS + 12_345]; // literals that fill blocks exactly
        System.arraycopy(DeflateCorpus.random(mixed.length / 2, 9), 0, mixed, 0, mixed.length / 2);
        roundTrip(mixed);
        for (int len :
                new int[] {JsonDeflater.BLOCK_SYMBOLS - 1, JsonDeflater.BLOCK_SYMBOLS, JsonDeflater.BLOCK_SYMBOLS + 1
                }) {
            roundTrip(DeflateCorpus.random(len, len));
            roundTrip(Arrays.copyOf(json, len));
        }
        for (int len : new int[] {32_767, 32_768, 32_769, 65_536 + 7}) {
            roundTrip(Arrays.copyOf(json, len));
        }
    }

    @Test
    void manySlicesOfJsonLinesMeetTheChunkEdgeAtEveryAlignment() throws DataFormatException {
        byte[] json = DeflateCorpus.jsonLines(3_000, 12);
        for (int i = 0; i < 60; i++) { // ~200 chunk ends at varied bit positions and symbol kinds
            int offset = i * 997;
            byte[] raw = DeflateCorpus.deflate(deflater, json, offset, json.length - offset - i * 13);
            assertArrayEquals(
                    Arrays.copyOfRange(json, offset, json.length - i * 13), DeflateCorpus.inflate(raw), "slice " + i);
        }
    }

    @Test
    void compressesASliceOnly() throws DataFormatException {
        byte[] json = DeflateCorpus.jsonLines(200, 3);
        byte[] raw = DeflateCorpus.deflate(deflater, json, 1000, 20_000);
        assertArrayEquals(Arrays.copyOfRange(json, 1000, 21_000), DeflateCorpus.inflate(raw));
        assertThrows(IndexOutOfBoundsException.class, () -> deflater.deflate(json, 1000, json.length, (c, n) -> true));
    }

    @Test
    void aRefusingSinkStopsTheStream() {
        byte[] random = DeflateCorpus.random(1 << 20, 1);
        int[] chunks = {0};
        assertFalse(deflater.deflate(random, 0, random.length, (c, n) -> ++chunks[0] < 2));
        assertEquals(2, chunks[0], "nothing more is handed over once the sink refused");
    }
}

package io.kustotyped.runtime.impl.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes the encoder with inputs built like LZ77 data: random mixes of literals (any byte, or from a four-letter
 * alphabet that makes short accidental matches) and copies of earlier output at random distances (inside the window
 * and past it) with random lengths (overlapping ones make runs). Each must inflate with the JDK to exactly itself.
 */
class JsonDeflaterProperties {

    private final JsonDeflater deflater = new JsonDeflater();

    /** One step of building an input: literals, or a copy of {@code length} bytes from {@code distance} back. */
    record Step(byte[] literals, int distance, int length) {}

    @Property(tries = 300)
    void structuredInputsRoundTrip(@ForAll("steps") List<Step> steps, @ForAll @IntRange(max = 50) int offset)
            throws DataFormatException {
        byte[] all = new byte[1024];
        int size = offset; // the input is a slice that starts at offset
        for (Step s : steps) {
            int add = s.literals() != null ? s.literals().length : s.length();
            if (size + add > all.length) {
                all = Arrays.copyOf(all, Math.max(2 * all.length, size + add));
            }
            if (s.literals() != null) {
                System.arraycopy(s.literals(), 0, all, size, add);
            } else if (size > offset) {
                int from = size - Math.min(s.distance(), size - offset);
                for (int i = 0; i < add; i++) { // byte by byte: an overlapping copy repeats what it just wrote
                    all[size + i] = all[from + i];
                }
            } else {
                add = 0;
            }
            size += add;
        }
        byte[] raw = DeflateCorpus.deflate(deflater, all, offset, size - offset);
        assertArrayEquals(Arrays.copyOfRange(all, offset, size), DeflateCorpus.inflate(raw));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> anyBytes = Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(1)
                .ofMaxSize(300)
                .map(l -> new Step(l, 0, 0));
        Arbitrary<Step> fewLetters = Arbitraries.bytes()
                .between((byte) 'a', (byte) 'd')
                .array(byte[].class)
                .ofMinSize(1)
                .ofMaxSize(100)
                .map(l -> new Step(l, 0, 0));
        Arbitrary<Step> copy = Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.integers().between(1, 16),
                                Arbitraries.integers().between(1, 1_000),
                                Arbitraries.integers().between(32_700, 33_000)),
                        Arbitraries.integers().between(1, 700))
                .as((d, l) -> new Step(null, d, l));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(2, anyBytes),
                        net.jqwik.api.Tuple.of(2, fewLetters),
                        net.jqwik.api.Tuple.of(5, copy))
                .list()
                .ofMaxSize(300);
    }
}

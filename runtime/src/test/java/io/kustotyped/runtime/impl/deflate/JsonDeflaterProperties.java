package io.kustotyped.runtime.impl.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[offset], 0, offset); // the input is a slice that starts here
        for (Step s : steps) {
            if (s.literals() != null) {
                b.write(s.literals(), 0, s.literals().length);
            } else {
                int size = b.size() - offset;
                if (size == 0) {
                    continue;
                }
                int from = b.size() - Math.min(s.distance(), size);
                for (int i = 0; i < s.length(); i++) {
                    byte[] sofar = b.toByteArray(); // simple over fast: inputs are small
                    b.write(sofar[from + i]);
                }
            }
        }
        byte[] all = b.toByteArray();
        byte[] raw = DeflateCorpus.deflate(deflater, all, offset, all.length - offset);
        assertArrayEquals(Arrays.copyOfRange(all, offset, all.length), DeflateCorpus.inflate(raw));
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

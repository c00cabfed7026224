package io.kustotyped.emulator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8#firstInvalid} (with its eight-bytes-at-a-time ASCII loop) against the JDK's strict decoder, which also
 * refuses overlong forms, surrogates and code points past U+10FFFF: the same first invalid offset on random text
 * with random damage.
 */
class Utf8Test {
    private static final String[] PIECES = {
        "a", "plain ascii text ", "0123456789abcdef", "é", "€", "😀", "\n", "Kraków", "São Paulo", "日本"
    };

    @Test
    void firstInvalidAgreesWithTheJdksStrictDecoder() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (data.length > 0 && r.nextInt(2) == 0) {
                data[r.nextInt(data.length)] = (byte) r.nextInt(256);
            }
            if (data.length > 0 && r.nextInt(8) == 0) {
                data = java.util.Arrays.copyOf(data, r.nextInt(data.length)); // maybe truncated mid-sequence
            }
            assertEquals(jdk(data), Utf8.firstInvalid(data), () -> sb.toString());
        }
    }

    private static int jdk(byte[] data) {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CoderResult result = d.decode(in, CharBuffer.allocate(data.length * 2 + 2), true);
        return result.isError() ? in.position() : -1;
    }
}

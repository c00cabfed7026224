package io.kustotyped.runtime.impl.deflate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Inputs for the encoder's tests, and the round trip through the JDK's {@link Inflater}. */
final class DeflateCorpus {

    private static final String[] WORDS = {"request", "completed", "user", "cart", "timeout", "retrying", "upstream"};

    private DeflateCorpus() {}

    /** Raw DEFLATE of {@code src[offset, offset + length)} by {@link JsonDeflater}. */
    static byte[] deflate(JsonDeflater d, byte[] src, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean complete = d.deflate(src, offset, length, (chunk, n) -> {
            out.write(chunk, 0, n);
            return true;
        });
        if (!complete) {
            throw new AssertionError("a sink that never refuses was refused");
        }
        return out.toByteArray();
    }

    /** Inflates a complete raw DEFLATE stream, failing unless it ends exactly at the end of {@code raw}. */
    static byte[] inflate(byte[] raw) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("the stream ends before its last block does");
                }
                out.write(buf, 0, n);
            }
            if (inflater.getRemaining() != 0) {
                throw new DataFormatException(inflater.getRemaining() + " bytes after the last block");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /** JSON lines shaped like the benchmark's log row: same keys every row, ids and numbers varying. */
    static byte[] jsonLines(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(rows * 380);
        for (int i = 0; i < rows; i++) {
            sb.append("{\"Timestamp\":\"2026-11-28T")
                    .append(String.format(
                            "%02d:%02d:%02d.%07dZ", r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(10_000_000)))
                    .append("\",\"Level\":\"")
                    .append(i % 7 == 0 ? "WARN" : "INFO")
                    .append("\",\"Host\":\"web-")
                    .append(String.format("%03d", r.nextInt(200)))
                    .append(".prod.westeurope.example.net\",\"Service\":\"checkout-api\",\"TraceId\":\"")
                    .append(Long.toHexString(r.nextLong() | Long.MIN_VALUE))
                    .append(Long.toHexString(r.nextLong() | Long.MIN_VALUE))
                    .append("\",\"Message\":\"");
            for (int w = 8 + r.nextInt(12); w > 0; w--) {
                sb.append(WORDS[r.nextInt(WORDS.length)]).append(w > 1 ? " " : "");
            }
            sb.append("\",\"LatencyMicros\":")
                    .append(r.nextLong(5_000_000))
                    .append(",\"Bytes\":")
                    .append(r.nextLong(1L << 31))
                    .append(",\"Score\":")
                    .append(r.nextDouble())
                    .append(",\"Cost\":")
                    .append(Math.round(r.nextDouble() * 250_000) / 1000.0)
                    .append(i % 100 == 1 ? ",\"Note\":\"caf\u00e9 \u00fc\"" : "")
                    .append("}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static byte[] run(int length, byte value) {
        byte[] b = new byte[length];
        Arrays.fill(b, value);
        return b;
    }
}

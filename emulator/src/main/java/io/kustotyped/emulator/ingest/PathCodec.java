package io.kustotyped.emulator.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of URL path segments (docs/kusto-rules.md §1.1: clients may or may not encode names). */
public final class PathCodec {
    private PathCodec() {}

    /**
     * Decodes {@code %XX} escapes as UTF-8; unlike form decoding, {@code +} stays {@code +}. A malformed escape is
     * kept as written.
     *
     * @param segment the raw segment
     * @return the decoded text
     */
    public static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}

package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the request's {@code Content-Encoding} ({@code gzip}, {@code deflate} or none) with a bounded inflater,
 * so a small compressed body cannot expand past the data limit (a zip bomb stops at {@code maxDataBytes + 1}).
 */
final class BodyDecoder {
    private BodyDecoder() {}

    /**
     * Checks the encoding before the body is read.
     *
     * @throws KustoError 400 for an encoding the emulator cannot decode
     */
    static void checkEncoding(String contentEncoding) {
        String e = normalize(contentEncoding);
        if (!e.isEmpty() && !e.equals("identity") && !e.equals("gzip") && !e.equals("deflate")) {
            throw KustoErrors.badRequest(
                    "BadRequest_InvalidBlob",
                    "Content-Encoding '" + contentEncoding
                            + "' is not supported; send gzip, deflate, or an uncompressed body.");
        }
    }

    static byte[] decode(byte[] body, String contentEncoding, long maxDataBytes) {
        String e = normalize(contentEncoding);
        if (e.isEmpty() || e.equals("identity")) {
            if (body.length > maxDataBytes) {
                throw tooLarge(body.length + " bytes", maxDataBytes);
            }
            return body;
        }
        boolean gzip = e.equals("gzip");
        try (InputStream in = gzip
                ? new GZIPInputStream(new ByteArrayInputStream(body), 8192)
                : new InflaterInputStream(new ByteArrayInputStream(body))) {
            // Inflate straight into one array, sized from the gzip trailer's ISIZE (the size mod 2^32 of the last
            // member: only a hint, the array grows when it is wrong) and never past the limit + 1.
            long cap = Math.min(maxDataBytes + 1, Integer.MAX_VALUE - 8);
            long hint = gzip && body.length >= 18 ? isize(body) : body.length * 4L;
            byte[] out = new byte[(int) Math.max(64, Math.min(hint, cap))];
            int size = 0;
            while (true) {
                if (size == out.length) {
                    int probe = in.read();
                    if (probe < 0) {
                        return out; // the hint was exact: no copy
                    }
                    if (size + 1L > maxDataBytes || out.length == cap) {
                        throw tooLarge("more than " + maxDataBytes + " bytes", maxDataBytes);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(Math.max(out.length * 2L, 64), cap));
                    out[size++] = (byte) probe;
                }
                int n = in.read(out, size, out.length - size);
                if (n < 0) {
                    return size == out.length ? out : Arrays.copyOf(out, size);
                }
                size += n;
                if (size > maxDataBytes) {
                    throw tooLarge("more than " + maxDataBytes + " bytes", maxDataBytes);
                }
            }
        } catch (IOException ex) {
            throw KustoErrors.invalidBlob("The body is not valid " + e + " data (Content-Encoding: " + contentEncoding
                    + "): " + ex.getMessage() + ".");
        }
    }

    /** The gzip trailer's ISIZE: the last four bytes, little-endian. */
    private static long isize(byte[] body) {
        int n = body.length;
        return (body[n - 4] & 0xFFL)
                | (body[n - 3] & 0xFFL) << 8
                | (body[n - 2] & 0xFFL) << 16
                | (body[n - 1] & 0xFFL) << 24;
    }

    private static String normalize(String contentEncoding) {
        return contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    }

    private static KustoError tooLarge(String actual, long max) {
        return KustoErrors.payloadTooLarge("The uncompressed data of a streaming ingestion request is limited to "
                + max + " bytes (Kusto allows about 4 MB of data per streaming request); this request has " + actual
                + ". Split it into smaller requests.");
    }
}

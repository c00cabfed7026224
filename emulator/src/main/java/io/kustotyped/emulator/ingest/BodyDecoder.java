package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
        try (InputStream in = e.equals("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(body), 8192)
                : new InflaterInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4, 1 << 20) + 16);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxDataBytes) {
                    throw tooLarge("more than " + maxDataBytes + " bytes", maxDataBytes);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException ex) {
            throw KustoErrors.invalidBlob("The body is not valid " + e + " data (Content-Encoding: " + contentEncoding
                    + "): " + ex.getMessage() + ".");
        }
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

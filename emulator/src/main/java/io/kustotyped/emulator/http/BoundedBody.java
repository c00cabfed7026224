package io.kustotyped.emulator.http;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a request body up to a limit. A bigger body is refused before it is buffered: by its
 * {@code Content-Length} before a byte is read, or, when chunked, as soon as the bytes read pass the limit. Either
 * way the error is sent, reading stops, and the connection is closed shortly after (it still carries the rest of
 * the body, so it cannot carry another request).
 */
public final class BoundedBody {
    private static final Logger LOG = Logger.getLogger(BoundedBody.class.getName());

    /** How long a refused connection stays open after the answer, so the client reads it before the close. */
    private static final long CLOSE_DELAY_MILLIS = 200;

    private BoundedBody() {}

    /**
     * Reads the body.
     *
     * @param vertx for the delayed close
     * @param req the request, not yet read
     * @param max the most bytes accepted
     * @param tooLarge the error for a bigger body, given what is known of its size
     * @param onTooLarge called with that error, after reading stopped; it answers the request
     * @param onBody called with the whole body
     */
    public static void read(
            Vertx vertx,
            HttpServerRequest req,
            long max,
            java.util.function.Function<String, KustoError> tooLarge,
            Handler<KustoError> onTooLarge,
            Handler<Buffer> onBody) {
        try {
            checkDeclaredLength(req, max, tooLarge);
        } catch (KustoError e) {
            refuse(vertx, req, () -> e, onTooLarge);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        req.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > max) {
                refused[0] = true;
                refuse(vertx, req, () -> tooLarge.apply("more than " + max), onTooLarge);
                return;
            }
            body.appendBuffer(chunk);
        });
        req.exceptionHandler(err -> LOG.log(Level.FINE, "reading a request body failed", err));
        req.endHandler(v -> {
            if (!refused[0]) {
                onBody.handle(body);
            }
        });
    }

    /**
     * Checks the {@code Content-Length} header, if any, before the body is read.
     *
     * @param req the request
     * @param max the most bytes accepted
     * @param tooLarge the error for a bigger body, given its declared size
     * @throws KustoError the {@code tooLarge} error, or 400 for a {@code Content-Length} that is not a number;
     *     either way the body must not be read: answer with {@link #refuse}
     */
    public static void checkDeclaredLength(
            HttpServerRequest req, long max, java.util.function.Function<String, KustoError> tooLarge) {
        String length = req.getHeader("Content-Length");
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw KustoErrors.badRequest("General_BadRequest", "Content-Length '" + length + "' is not a number.");
        }
        if (declared > max) {
            throw tooLarge.apply(Long.toString(declared));
        }
    }

    /**
     * Answers with an error that leaves the rest of the body unread: stops reading, asks the client to close,
     * and closes the connection shortly after the answer.
     *
     * @param vertx for the delayed close
     * @param req the request
     * @param error the error
     * @param answer sends the error
     */
    public static void refuse(
            Vertx vertx, HttpServerRequest req, Supplier<KustoError> error, Handler<KustoError> answer) {
        req.pause();
        req.response().putHeader("Connection", "close");
        answer.handle(error.get());
        var conn = req.connection();
        vertx.setTimer(CLOSE_DELAY_MILLIS, id -> conn.close());
    }
}

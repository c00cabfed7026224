package io.kustotyped.emulator;

import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.http.Responses;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer-token check (docs/kusto-rules.md §7): without a configured token every request is accepted (local
 * development); with one, every request except {@code GET /v1/rest/auth/metadata} needs
 * {@code Authorization: Bearer <token>} and otherwise gets a 401 with the non-OneApi body Kusto sends.
 */
final class Auth {
    /** docs/kusto-rules.md §1.5/§7: the observed 401 body. */
    static final String DENIED_BODY = "{\"Message\":\"Authorization has been denied for this request.\"}";

    private final byte[] expected; // "Bearer <token>", or null when auth is off

    Auth(String token) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return expected != null;
    }

    /** @return whether the request may proceed */
    boolean allows(HttpServerRequest req) {
        if (expected == null) {
            return true;
        }
        String header = req.getHeader("Authorization");
        if (header == null) {
            return false;
        }
        // Constant-time comparison; the token itself is never logged.
        return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the principal a request runs as */
    String principal() {
        return expected == null ? "aaduser=anonymous;emulator" : "aaduser=token-holder;emulator";
    }

    static void deny(HttpServerRequest req, RequestInfo info) {
        Responses.correlate(req.response(), info)
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common\"")
                .putHeader("Content-Type", Responses.JSON_CONTENT_TYPE)
                .end(DENIED_BODY);
    }
}

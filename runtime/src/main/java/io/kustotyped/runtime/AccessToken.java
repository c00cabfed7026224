package io.kustotyped.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and the instant it expires. {@link #toString()} never shows the token.
 *
 * @param token the bearer token (without the {@code Bearer } prefix)
 * @param expiresAt when the token stops being valid; {@link Instant#MAX} for a token that never expires
 */
public record AccessToken(String token, Instant expiresAt) {

    /** Checks that both parts are present. */
    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "AccessToken[token=<redacted>, expiresAt=" + expiresAt + "]";
    }
}

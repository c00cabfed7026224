package io.kustotyped.runtime.auth;

import io.kustotyped.runtime.AccessToken;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the bearer token from an environment variable, {@code KUSTO_ACCESS_TOKEN} by default. When the token is a
 * JWT (as Microsoft Entra tokens are), its {@code exp} claim gives the expiry, so a long-running process fails with
 * a clear message instead of sending an expired token; otherwise it is taken as never expiring.
 *
 * <p>The variable is read on every {@link #getToken()} call; the client caches the result. The token is never
 * logged nor put in an exception message.
 */
public final class EnvironmentTokenProvider implements TokenProvider {

    /** The variable read by default. */
    public static final String DEFAULT_VARIABLE = "KUSTO_ACCESS_TOKEN";

    private final String variable;
    private final Map<String, String> environment;

    /**
     * @param variable the variable name
     * @param environment the environment to read ({@link System#getenv()} in production, a map in tests)
     */
    public EnvironmentTokenProvider(String variable, Map<String, String> environment) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A provider reading {@code KUSTO_ACCESS_TOKEN} from the process environment. */
    public static EnvironmentTokenProvider fromProcessEnvironment() {
        return new EnvironmentTokenProvider(DEFAULT_VARIABLE, System.getenv());
    }

    /** The variable name. */
    public String variable() {
        return variable;
    }

    /** True when the variable is set to something other than blanks. */
    public boolean isSet() {
        String v = environment.get(variable);
        return v != null && !v.isBlank();
    }

    @Override
    public Future<AccessToken> getToken() {
        String raw = environment.get(variable);
        if (raw == null || raw.isBlank()) {
            return Future.failedFuture(new IllegalStateException(
                    "The environment variable " + variable + " is not set (it should hold a Kusto access token)"));
        }
        String token = stripBearer(raw.trim());
        Instant expiry = jwtExpiry(token);
        if (expiry != null && !expiry.isAfter(Instant.now())) {
            return Future.failedFuture(new IllegalStateException("The token in " + variable + " expired at " + expiry
                    + "; get a new one, e.g. with 'az account get-access-token --resource <cluster>'"));
        }
        return Future.succeededFuture(new AccessToken(token, expiry == null ? Instant.MAX : expiry));
    }

    private static String stripBearer(String token) {
        return token.regionMatches(true, 0, "Bearer ", 0, 7)
                ? token.substring(7).trim()
                : token;
    }

    /** The {@code exp} claim of a JWT, or null when the token is not a JWT or has none. */
    static Instant jwtExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Object exp = new JsonObject(payload).getValue("exp");
            return exp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            return null; // not a JWT: an opaque token, taken as it is
        }
    }

    @Override
    public String toString() {
        return "EnvironmentTokenProvider[" + variable + "]";
    }
}

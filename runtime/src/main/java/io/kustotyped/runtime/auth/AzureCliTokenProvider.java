package io.kustotyped.runtime.auth;

import io.kustotyped.runtime.AccessToken;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Gets tokens from the Azure CLI: {@code az account get-access-token --resource <cluster> -o json}, as a user who
 * ran {@code az login} would. The expiry comes from the output's {@code expires_on} (epoch seconds, Azure CLI 2.54
 * and later) or else {@code expiresOn} (local time), so the client fetches a new token before it expires.
 *
 * <p>The command runs on a thread of its own, never on a Vert.x event loop. Its output holds the token, so it is
 * never logged nor put in an exception message; when the command fails, the message carries its exit code and
 * standard error (where {@code az} explains, for example, that {@code az login} is needed).
 */
public final class AzureCliTokenProvider implements TokenProvider {

    /** Runs a command and returns its standard output; fails with a message when it exits non-zero. */
    @FunctionalInterface
    public interface CommandRunner {
        /**
         * @param command the program and its arguments
         * @return the standard output
         * @throws IOException when it cannot start or exits non-zero (the message says why, without the output)
         */
        String run(List<String> command) throws IOException;
    }

    private static final DateTimeFormatter EXPIRES_ON = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final String resource;
    private final CommandRunner runner;
    private final String executable;

    /**
     * A provider that runs the real {@code az}.
     *
     * @param resource the cluster URL, e.g. {@code https://mycluster.westeurope.kusto.windows.net}
     */
    public AzureCliTokenProvider(String resource) {
        this(resource, AzureCliTokenProvider::runProcess, defaultExecutable());
    }

    /**
     * @param resource the cluster URL the token is for
     * @param runner runs the command (tests inject one)
     * @param executable the {@code az} executable name or path
     */
    public AzureCliTokenProvider(String resource, CommandRunner runner, String executable) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.executable = Objects.requireNonNull(executable, "executable");
    }

    /** The command this provider runs. */
    public List<String> command() {
        return List.of(executable, "account", "get-access-token", "--resource", resource, "-o", "json");
    }

    @Override
    public Future<AccessToken> getToken() {
        CompletableFuture<AccessToken> f = CompletableFuture.supplyAsync(() -> {
            try {
                return parse(runner.run(command()), ZoneId.systemDefault());
            } catch (IOException e) {
                throw new CompletionException(new IllegalStateException(
                        "Could not get a token for " + resource + " from the Azure CLI (" + String.join(" ", command())
                                + "): " + e.getMessage(),
                        e));
            }
        });
        return Future.fromCompletionStage(f)
                .recover(e -> Future.failedFuture(
                        e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    /**
     * Reads the token and its expiry from {@code az account get-access-token -o json} output.
     *
     * @param json the output
     * @param zone the zone {@code expiresOn} is in (the machine's), used only without {@code expires_on}
     * @return the token
     * @throws IllegalStateException when the output has no token (the message never contains the output)
     */
    static AccessToken parse(String json, ZoneId zone) {
        JsonObject o;
        try {
            o = new JsonObject(json.trim());
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalStateException(
                    "The Azure CLI printed something that is not a JSON object (" + json.length() + " characters)");
        }
        Object token = o.getValue("accessToken");
        if (!(token instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(
                    "The Azure CLI output has no 'accessToken' (fields: " + o.fieldNames() + ")");
        }
        return new AccessToken(s, expiry(o, zone));
    }

    private static Instant expiry(JsonObject o, ZoneId zone) {
        Object epoch = o.getValue("expires_on");
        if (epoch instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        if (epoch instanceof String s && s.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        Object local = o.getValue("expiresOn");
        if (local instanceof String s) {
            try {
                return LocalDateTime.parse(s.trim(), EXPIRES_ON).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("The Azure CLI output has an unreadable 'expiresOn': " + s, e);
            }
        }
        throw new IllegalStateException("The Azure CLI output has neither 'expires_on' nor 'expiresOn'");
    }

    /** {@code az.cmd} on Windows, {@code az} elsewhere. */
    static String defaultExecutable() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "az.cmd" : "az";
    }

    /**
     * Finds {@code az} on the {@code PATH} of {@code environment}.
     *
     * @param environment the environment ({@link System#getenv()})
     * @return the executable's path, if installed
     */
    public static Optional<Path> findOnPath(Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null) {
            path = environment.get("Path");
        }
        if (path == null) {
            return Optional.empty();
        }
        String exe = defaultExecutable();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, exe);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String runProcess(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("it did not finish within 2 minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            String stderr = err.join().trim();
            if (stderr.length() > 2000) {
                stderr = stderr.substring(0, 2000) + "...";
            }
            throw new IOException("it exited with " + p.exitValue() + (stderr.isEmpty() ? "" : ": " + stderr));
        }
        return out;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "AzureCliTokenProvider[" + resource + "]";
    }
}

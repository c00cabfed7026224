package io.kustotyped.azure;

import com.azure.identity.ManagedIdentityCredentialBuilder;
import io.kustotyped.runtime.AccessToken;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link ManagedIdentityLoopbackTest} in a JVM of its own, whose environment points azure-identity's App
 * Service managed identity at a loopback server. For each argument after the cluster URL ({@code system} or
 * {@code user:<clientId>}) it gets a token from an event loop and prints one line: {@code PROBE ok <mode> <sha-256 of the
 * token> <expiry> <same context>} or {@code failed <mode> <message>}. It never prints the token itself.
 */
public final class ManagedIdentityProbe {

    private ManagedIdentityProbe() {}

    public static void main(String[] args) throws Exception {
        String cluster = args[0];
        Vertx vertx = Vertx.vertx();
        try {
            for (int i = 1; i < args.length; i++) {
                String mode = args[i];
                ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder();
                if (mode.startsWith("user:")) {
                    b.clientId(mode.substring(5));
                }
                AzureIdentityTokenProvider provider = AzureIdentityTokenProvider.create(b.build(), cluster);
                Context ctx = vertx.getOrCreateContext();
                CompletableFuture<String> line = new CompletableFuture<>();
                ctx.runOnContext(v -> provider.getToken().onComplete(ar -> {
                    boolean sameContext = Vertx.currentContext() == ctx;
                    if (ar.succeeded()) {
                        AccessToken t = ar.result();
                        line.complete("ok " + mode + " " + sha256(t.token()) + " " + t.expiresAt() + " " + sameContext);
                    } else {
                        line.complete(
                                "failed " + mode + " " + ar.cause().getMessage().replace('\n', ' '));
                    }
                }));
                System.out.println("PROBE " + line.get(60, TimeUnit.SECONDS));
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

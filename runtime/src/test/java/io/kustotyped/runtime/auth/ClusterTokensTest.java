package io.kustotyped.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.runtime.AccessToken;
import io.kustotyped.runtime.TokenProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ClusterTokensTest {

    private static final String REMOTE = "https://mycluster.westeurope.kusto.windows.net";

    @Test
    void theEnvironmentVariableWinsEverywhere() throws Exception {
        TokenProvider p = ClusterTokens.forCluster(REMOTE, Map.of("KUSTO_ACCESS_TOKEN", "opaque-token"));
        assertInstanceOf(EnvironmentTokenProvider.class, p);
        AccessToken t = p.getToken().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals("opaque-token", t.token());
        assertEquals(Instant.MAX, t.expiresAt(), "an opaque token has no known expiry");
        assertInstanceOf(
                EnvironmentTokenProvider.class,
                ClusterTokens.forCluster("http://127.0.0.1:8080", Map.of("KUSTO_ACCESS_TOKEN", "t")));
    }

    @Test
    void theEmulatorOnLoopbackNeedsNoToken() {
        assertNull(ClusterTokens.forCluster("http://127.0.0.1:8080", Map.of()));
        assertNull(ClusterTokens.forCluster("http://localhost:8080/", Map.of()));
        assertTrue(ClusterTokens.isLoopback("http://[::1]:8080"));
        assertFalse(ClusterTokens.isLoopback(REMOTE));
        assertFalse(ClusterTokens.isLoopback("http://127.example.com"), "a name that starts with 127. is not loopback");
    }

    @Test
    void noWayToGetATokenGivesAMessageSayingWhatToDo() {
        ClusterTokens.MissingTokenException e = assertThrows(
                ClusterTokens.MissingTokenException.class,
                () -> ClusterTokens.forCluster(REMOTE, Map.of("PATH", "/nonexistent-dir")));
        assertTrue(e.getMessage().contains("KUSTO_ACCESS_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("az account get-access-token --resource " + REMOTE), e.getMessage());
        assertTrue(e.getMessage().contains("az login"), e.getMessage());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void azOnThePathIsUsedForARemoteCluster(@TempDir Path dir) throws Exception {
        Path az = dir.resolve("az");
        Files.writeString(az, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        TokenProvider p = ClusterTokens.forCluster(REMOTE + "/", Map.of("PATH", dir.toString()));
        assertInstanceOf(AzureCliTokenProvider.class, p);
        assertEquals(REMOTE, ((AzureCliTokenProvider) p).command().get(4), "the resource has no trailing slash");
    }

    @Test
    void aJwtInTheVariableExpiresWithItsExpClaim() throws Exception {
        long exp = Instant.now().plusSeconds(3600).getEpochSecond();
        String jwt = jwt("{\"aud\":\"https://kusto\",\"exp\":" + exp + "}");
        AccessToken t = new EnvironmentTokenProvider(
                        "KUSTO_ACCESS_TOKEN", Map.of("KUSTO_ACCESS_TOKEN", "Bearer " + jwt))
                .getToken()
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertEquals(jwt, t.token(), "a 'Bearer ' prefix is dropped");
        assertEquals(Instant.ofEpochSecond(exp), t.expiresAt());
    }

    @Test
    void anExpiredJwtFailsWithoutShowingIt() {
        String jwt = jwt("{\"exp\":1000}");
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> new EnvironmentTokenProvider("KUSTO_ACCESS_TOKEN", Map.of("KUSTO_ACCESS_TOKEN", jwt))
                        .getToken()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("expired"), e.getCause().getMessage());
        assertFalse(e.getCause().getMessage().contains(jwt));
    }

    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }
}

package io.kustotyped.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.runtime.AccessToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AzureCliTokenProviderTest {

    private static final String CLUSTER = "https://mycluster.westeurope.kusto.windows.net";

    @Test
    void runsAzWithTheClusterAsResourceAndReadsEpochExpiry() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        AzureCliTokenProvider p = new AzureCliTokenProvider(
                CLUSTER,
                cmd -> {
                    seen.add(cmd);
                    return """
                {"accessToken": "tok-123", "expiresOn": "2030-01-01 10:00:00.000000", "expires_on": 1893492000,
                 "subscription": "s", "tenant": "t", "tokenType": "Bearer"}
                """;
                },
                "az");
        AccessToken t = p.getToken().await(60, TimeUnit.SECONDS);
        assertEquals("tok-123", t.token());
        assertEquals(Instant.ofEpochSecond(1893492000L), t.expiresAt());
        assertEquals(List.of(List.of("az", "account", "get-access-token", "--resource", CLUSTER, "-o", "json")), seen);
    }

    @Test
    void olderAzWithoutEpochExpiryIsReadInTheLocalZone() {
        AccessToken t = AzureCliTokenProvider.parse(
                "{\"accessToken\":\"x\",\"expiresOn\":\"2030-01-01 10:00:00.123456\"}", ZoneId.of("Europe/Paris"));
        assertEquals(Instant.parse("2030-01-01T09:00:00.123456Z"), t.expiresAt());
    }

    @Test
    void aFailingCommandSaysWhyWithoutTheOutput() {
        AzureCliTokenProvider p = new AzureCliTokenProvider(
                CLUSTER,
                cmd -> {
                    throw new IOException("it exited with 1: Please run 'az login' to setup account.");
                },
                "az");
        // Future.await rethrows the failure itself (not wrapped in an ExecutionException).
        RuntimeException e =
                assertThrows(RuntimeException.class, () -> p.getToken().await(60, TimeUnit.SECONDS));
        String msg = e.getMessage();
        assertTrue(msg.contains("az login"), msg);
        assertTrue(msg.contains(CLUSTER), msg);
    }

    @Test
    void outputWithoutATokenNeverEchoesTheOutput() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> AzureCliTokenProvider.parse("{\"secretish\":\"s3cr3t\"}", ZoneId.of("UTC")));
        assertTrue(e.getMessage().contains("accessToken"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        IllegalStateException notJson = assertThrows(
                IllegalStateException.class, () -> AzureCliTokenProvider.parse("eyJ.token.text", ZoneId.of("UTC")));
        assertFalse(notJson.getMessage().contains("eyJ"), notJson.getMessage());
    }

    @Test
    void toStringNeverShowsATokenEvenAfterFetching() throws Exception {
        AzureCliTokenProvider p = new AzureCliTokenProvider(
                CLUSTER, cmd -> "{\"accessToken\":\"tok-abc\",\"expires_on\":1893492000}", "az");
        AccessToken t = p.getToken().await(60, TimeUnit.SECONDS);
        assertFalse(p.toString().contains("tok-abc"));
        assertFalse(t.toString().contains("tok-abc"));
    }
}

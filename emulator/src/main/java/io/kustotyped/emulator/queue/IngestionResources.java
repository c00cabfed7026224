package io.kustotyped.emulator.queue;

import io.kustotyped.emulator.dm.StorageAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The storage the Data Management side advertises and creates: exactly the five resource types the SDKs expect
 * (Microsoft's Java client fails its whole refresh on an unknown one), each a URL with an account SAS (the Java
 * client needs a {@code ?} in every URL), and the Kusto identity token (docs/queue-protocol.md §1.2, §1.3).
 */
final class IngestionResources {
    static final String INGESTION_QUEUE = "readyforaggregation-secured";
    static final String TEMP_CONTAINER = "ingestion-temp";
    static final String FAILED_QUEUE = "failedingestions";
    static final String SUCCESS_QUEUE = "successfulingestions";
    static final String STATUS_TABLE = "ingestionsstatus";
    /** The emulator's own record of ingested source ids, for reporting duplicates. */
    static final String LEDGER_TABLE = "emulatoringestedsources";

    private final StorageRest storage;
    private final String identityToken;

    IngestionResources(StorageRest storage) {
        this.storage = storage;
        this.identityToken = identityToken(storage.account());
    }

    /** Creates the queues, the container and the tables (idempotent: existing ones are kept). */
    void create() throws IOException {
        storage.createQueue(INGESTION_QUEUE);
        storage.createQueue(FAILED_QUEUE);
        storage.createQueue(SUCCESS_QUEUE);
        storage.createContainer(TEMP_CONTAINER);
        storage.createTable(STATUS_TABLE);
        storage.createTable(LEDGER_TABLE);
    }

    /** @return resource type name to URL with SAS, in the order of the answer */
    Map<String, String> resources() {
        String q = "?" + storage.sas();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SecuredReadyForAggregationQueue", storage.queue(INGESTION_QUEUE) + q);
        m.put("TempStorage", storage.container(TEMP_CONTAINER) + q);
        m.put("FailedIngestionsQueue", storage.queue(FAILED_QUEUE) + q);
        m.put("SuccessfulIngestionsQueue", storage.queue(SUCCESS_QUEUE) + q);
        m.put("IngestionsStatusTable", storage.table(STATUS_TABLE) + q);
        return m;
    }

    /** @return the identity token messages must carry; the same for the same storage account, across restarts */
    String identityToken() {
        return identityToken;
    }

    /**
     * Answers the DM's management commands.
     *
     * @param csl the command text
     * @return the v1 JSON body, or null when it is not a DM command
     */
    String answer(String csl) {
        String c = normalize(csl);
        if (c.equals(".get ingestion resources") || c.equals(".show ingestion resources")) {
            StringBuilder rows = new StringBuilder();
            resources()
                    .forEach((type, url) -> rows.append(rows.length() == 0 ? "" : ",")
                            .append("[")
                            .append(quote(type))
                            .append(",")
                            .append(quote(url))
                            .append("]"));
            return "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":["
                    + "{\"ColumnName\":\"ResourceTypeName\",\"DataType\":\"String\",\"ColumnType\":\"string\"},"
                    + "{\"ColumnName\":\"StorageRoot\",\"DataType\":\"String\",\"ColumnType\":\"string\"}],"
                    + "\"Rows\":[" + rows + "]}]}";
        }
        if (c.equals(".get kusto identity token")) {
            return "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":["
                    + "{\"ColumnName\":\"AuthorizationContext\",\"DataType\":\"String\",\"ColumnType\":\"string\"}],"
                    + "\"Rows\":[[" + quote(identityToken) + "]]}]}";
        }
        return null;
    }

    /** @return whether the command is one of the DM's */
    static boolean isDmCommand(String csl) {
        String c = normalize(csl);
        return c.equals(".get ingestion resources")
                || c.equals(".show ingestion resources")
                || c.equals(".get kusto identity token");
    }

    private static String normalize(String csl) {
        return csl == null ? "" : csl.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String identityToken(StorageAccount account) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(account.accountKey()), "HmacSHA256"));
            byte[] sig = mac.doFinal(
                    ("kusto-typed emulator identity token " + account.accountName()).getBytes(StandardCharsets.UTF_8));
            return "emulator-identity-"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the storage account key is not a base64 HMAC key", e);
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

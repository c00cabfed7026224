package io.kustotyped.emulator.dm;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An Azure Storage account the emulator's queued ingestion keeps its queues, blobs and status table in: the
 * account's name and key and its blob, queue and table endpoints (each ending in the account's path segment, as
 * Azurite's IP-style URLs do: {@code http://127.0.0.1:10000/devstoreaccount1}).
 *
 * @param accountName the account, e.g. {@code devstoreaccount1}
 * @param accountKey the base64 Shared Key of the account
 * @param blobEndpoint the blob service, without a trailing slash
 * @param queueEndpoint the queue service, without a trailing slash
 * @param tableEndpoint the table service, without a trailing slash
 */
public record StorageAccount(
        String accountName, String accountKey, URI blobEndpoint, URI queueEndpoint, URI tableEndpoint) {

    /** Azurite's well-known development account. */
    public static final String DEV_ACCOUNT = "devstoreaccount1";

    /** The well-known key of {@link #DEV_ACCOUNT}, published in Azurite's README; it protects nothing. */
    public static final String DEV_ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /** Checks the parts and drops trailing slashes from the endpoints. */
    public StorageAccount {
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(accountKey, "accountKey");
        blobEndpoint = trim(Objects.requireNonNull(blobEndpoint, "blobEndpoint"));
        queueEndpoint = trim(Objects.requireNonNull(queueEndpoint, "queueEndpoint"));
        tableEndpoint = trim(Objects.requireNonNull(tableEndpoint, "tableEndpoint"));
    }

    /**
     * The development account on Azurite's three services at the given ports of {@code 127.0.0.1}.
     *
     * @param blobPort the blob service's port
     * @param queuePort the queue service's port
     * @param tablePort the table service's port
     * @return the account
     */
    public static StorageAccount devStoreAccount(int blobPort, int queuePort, int tablePort) {
        return new StorageAccount(
                DEV_ACCOUNT,
                DEV_ACCOUNT_KEY,
                URI.create("http://127.0.0.1:" + blobPort + "/" + DEV_ACCOUNT),
                URI.create("http://127.0.0.1:" + queuePort + "/" + DEV_ACCOUNT),
                URI.create("http://127.0.0.1:" + tablePort + "/" + DEV_ACCOUNT));
    }

    /**
     * Parses an Azure Storage connection string with explicit endpoints ({@code AccountName=..;AccountKey=..;
     * BlobEndpoint=..;QueueEndpoint=..;TableEndpoint=..}, the form Azurite's README gives; keys in any case).
     *
     * @param connectionString the connection string
     * @return the account
     * @throws IllegalArgumentException naming the missing or malformed part
     */
    public static StorageAccount parse(String connectionString) {
        Map<String, String> parts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String part : connectionString.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "storage connection string: '" + part + "' is not Key=Value (parts are separated by ';')");
            }
            parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return new StorageAccount(
                require(parts, "AccountName"),
                require(parts, "AccountKey"),
                endpoint(parts, "BlobEndpoint"),
                endpoint(parts, "QueueEndpoint"),
                endpoint(parts, "TableEndpoint"));
    }

    /** @return the connection string of this account with its three endpoints (it contains the account key) */
    public String connectionString() {
        return "DefaultEndpointsProtocol=" + blobEndpoint.getScheme() + ";AccountName=" + accountName + ";AccountKey="
                + accountKey + ";BlobEndpoint=" + blobEndpoint + ";QueueEndpoint=" + queueEndpoint + ";TableEndpoint="
                + tableEndpoint + ";";
    }

    @Override
    public String toString() {
        // without the key
        return "StorageAccount[" + accountName + ", blob " + blobEndpoint + ", queue " + queueEndpoint + ", table "
                + tableEndpoint + "]";
    }

    private static String require(Map<String, String> parts, String key) {
        String value = parts.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("storage connection string: " + key + " is missing");
        }
        return value;
    }

    private static URI endpoint(Map<String, String> parts, String key) {
        String value = require(parts, key);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("storage connection string: " + key + " '" + value + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "storage connection string: " + key + " '" + value + "' is not an http(s) URL");
        }
        return uri;
    }

    private static URI trim(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}

package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.Http;
import java.net.URI;
import java.util.Locale;

/** Derives the Data Management endpoint from a cluster URL, as Microsoft's clients do. Internal. */
final class IngestionEndpoints {

    private IngestionEndpoints() {}

    /**
     * {@code ingest-} inserted after {@code ://}, unless the URL already has it, or its host is loopback, an IP literal
     * or {@code onebox.dev.kusto.windows.net} (Microsoft's Java client, {@code IngestClientBase.getIngestionEndpoint}):
     * a local emulator answers both the engine's and the DM's commands on one port.
     */
    static String derive(String clusterUrl) {
        URI uri = URI.create(clusterUrl);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean ipLiteral = host.matches("[0-9.]+") || host.startsWith("[") || host.contains(":");
        if (host.startsWith("ingest-")
                || Http.isLoopback(host)
                || ipLiteral
                || host.equals("onebox.dev.kusto.windows.net")) {
            return clusterUrl;
        }
        int s = clusterUrl.indexOf("://");
        return clusterUrl.substring(0, s + 3) + "ingest-" + clusterUrl.substring(s + 3);
    }
}

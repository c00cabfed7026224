package io.kustotyped.runtime.auth;

import io.kustotyped.runtime.TokenProvider;
import io.kustotyped.runtime.impl.Http;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Picks how a command-line tool authenticates to a cluster, the way the kusto-typed sample and CLI do:
 * <ol>
 *   <li>the {@code KUSTO_ACCESS_TOKEN} environment variable, when set;</li>
 *   <li>else, for a loopback URL (the emulator), no token at all;</li>
 *   <li>else the Azure CLI ({@code az account get-access-token --resource <cluster>}), when {@code az} is on the
 *       {@code PATH};</li>
 *   <li>else a {@link MissingTokenException} whose message says what to do.</li>
 * </ol>
 */
public final class ClusterTokens {

    private ClusterTokens() {}

    /** No way to get a token was found. The message says how to provide one. */
    public static final class MissingTokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingTokenException(String message) {
            super(message);
        }
    }

    /**
     * Chooses a token provider for {@code clusterUrl} from the process environment.
     *
     * @param clusterUrl the cluster URL
     * @return the provider, or {@code null} for a loopback cluster without {@code KUSTO_ACCESS_TOKEN}
     * @throws MissingTokenException when a remote cluster needs a token and there is no way to get one
     */
    public static TokenProvider forCluster(String clusterUrl) {
        return forCluster(clusterUrl, System.getenv());
    }

    /**
     * Chooses a token provider for {@code clusterUrl}.
     *
     * @param clusterUrl the cluster URL
     * @param environment the environment variables (tests pass a map)
     * @return the provider, or {@code null} for a loopback cluster without {@code KUSTO_ACCESS_TOKEN}
     * @throws MissingTokenException when a remote cluster needs a token and there is no way to get one
     */
    public static TokenProvider forCluster(String clusterUrl, Map<String, String> environment) {
        Objects.requireNonNull(clusterUrl, "clusterUrl");
        EnvironmentTokenProvider env =
                new EnvironmentTokenProvider(EnvironmentTokenProvider.DEFAULT_VARIABLE, environment);
        if (env.isSet()) {
            return env;
        }
        if (isLoopback(clusterUrl)) {
            return null;
        }
        if (AzureCliTokenProvider.findOnPath(environment).isPresent()) {
            return new AzureCliTokenProvider(stripSlash(clusterUrl));
        }
        throw new MissingTokenException("No access token for " + clusterUrl + ". Either set "
                + EnvironmentTokenProvider.DEFAULT_VARIABLE + " to a token for the cluster, e.g.\n  export "
                + EnvironmentTokenProvider.DEFAULT_VARIABLE + "=$(az account get-access-token --resource "
                + stripSlash(clusterUrl) + " --query accessToken -o tsv)\n"
                + "or install the Azure CLI (https://aka.ms/azure-cli) and run 'az login', and this tool gets "
                + "tokens from it.");
    }

    /**
     * True for a URL whose host is {@code localhost} or a loopback address literal ({@code 127.0.0.0/8},
     * {@code [::1]}); the same rule the client uses to allow a token over plain HTTP.
     */
    public static boolean isLoopback(String clusterUrl) {
        try {
            return Http.isLoopback(URI.create(clusterUrl.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}

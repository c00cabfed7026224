package io.kustotyped.runtime.impl;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The connection side of the client, in Vert.x terms only: TLS verification and trust, the HTTP CONNECT proxy (given,
 * or from {@code HTTPS_PROXY}/{@code NO_PROXY}), and what a failed connection means. Internal.
 */
public final class Transport {

    /** curl's default proxy port, when a proxy URL names none. */
    static final int DEFAULT_PROXY_PORT = 1080;

    private static final Pattern PROXY_STATUS = Pattern.compile("status: (\\d{3})");

    private Transport() {}

    /**
     * Sets TLS verification (on whatever the defaults) and, when given, trust and proxy on a client's options.
     *
     * @param options the client options (a Web Client's options are HTTP client options too)
     * @param trust the trusted certificates, or {@code null} for the JDK's trust store
     * @param proxy the HTTP CONNECT proxy, or {@code null} for none
     */
    public static void configure(HttpClientOptions options, TrustOptions trust, ProxyOptions proxy) {
        // Certificate chain and host name are checked (Vert.x's defaults, set so that no default change can undo
        // them), and the host name travels in SNI so that a front end serving many names picks the right certificate.
        options.setVerifyHost(true).setForceSni(true).setTrustAll(false);
        if (trust != null) {
            options.setTrustOptions(trust.copy());
        }
        if (proxy != null) {
            options.setProxyOptions(new ProxyOptions(proxy));
        }
    }

    /**
     * Parses a proxy URL as curl and {@code HTTPS_PROXY} write it: {@code [http://][user[:password]@]host[:port]}.
     *
     * @param url the URL
     * @return HTTP CONNECT proxy options
     * @throws IllegalArgumentException naming what is wrong (never echoing the password)
     */
    public static ProxyOptions parseProxyUrl(String url) {
        String u = url.strip();
        String withScheme = u.contains("://") ? u : "http://" + u;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the proxy is not a URL like http://host:port: " + redact(u));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException(
                    "only http:// proxies (HTTP CONNECT) are supported, not " + scheme + "://: " + redact(u));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the proxy URL has no host: " + redact(u));
        }
        ProxyOptions proxy = new ProxyOptions()
                .setType(ProxyType.HTTP)
                .setHost(uri.getHost())
                .setPort(uri.getPort() < 0 ? DEFAULT_PROXY_PORT : uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            proxy.setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                proxy.setPassword(decode(userInfo.substring(colon + 1)));
            }
        }
        return proxy;
    }

    /**
     * The proxy the environment names for {@code host}, as curl reads it: {@code HTTPS_PROXY} (or
     * {@code https_proxy}), unless {@code NO_PROXY} (or {@code no_proxy}) lists the host, one of its parent domains
     * or {@code *}.
     *
     * @param env the environment
     * @param host the cluster host
     * @return the proxy, or {@code null} for a direct connection
     */
    public static ProxyOptions fromEnvironment(Map<String, String> env, String host) {
        String url = first(env, "HTTPS_PROXY", "https_proxy");
        if (url == null || url.isBlank() || bypassed(first(env, "NO_PROXY", "no_proxy"), host)) {
            return null;
        }
        return parseProxyUrl(url);
    }

    static boolean bypassed(String noProxy, String host) {
        if (noProxy == null || noProxy.isBlank()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy.split(",")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon) {
                e = e.substring(0, colon); // host:port; the port does not matter here
            }
            if (e.startsWith("*.")) {
                e = e.substring(1);
            }
            if (e.equals("*")) {
                return true;
            }
            if (e.isEmpty()) {
                continue;
            }
            String domain = e.startsWith(".") ? e.substring(1) : e;
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** What a connection failure was, when it was not a plain I/O failure. */
    public enum FailureKind {
        /** The server's certificate did not verify (chain, name or dates). */
        CERTIFICATE,
        /** The proxy answered the CONNECT with an error status. */
        PROXY_STATUS,
        /** The proxy could not be reached. */
        PROXY_UNREACHABLE,
        /** Anything else: a refused or reset connection, a timeout. */
        IO
    }

    /**
     * What a connection failure means.
     *
     * @param kind the kind
     * @param detail a one-line description of what failed
     * @param proxyStatus the proxy's status for {@link FailureKind#PROXY_STATUS}, else 0
     */
    public record Failure(FailureKind kind, String detail, int proxyStatus) {}

    /**
     * Classifies a failure to connect.
     *
     * @param cause the failure Vert.x reported
     * @param proxy the proxy in use, or {@code null}
     * @return what it means
     */
    public static Failure classify(Throwable cause, ProxyOptions proxy) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isProxyConnectException(t)) {
                Matcher m = PROXY_STATUS.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    int status = Integer.parseInt(m.group(1));
                    return new Failure(
                            FailureKind.PROXY_STATUS,
                            "the proxy " + proxyAddress(proxy) + " answered the CONNECT with HTTP " + status
                                    + statusHint(status),
                            status);
                }
                return new Failure(
                        FailureKind.PROXY_UNREACHABLE,
                        "the proxy " + proxyAddress(proxy) + " failed: " + t.getMessage(),
                        0);
            }
            if (t instanceof SSLException) {
                return new Failure(FailureKind.CERTIFICATE, certificateDetail(t), 0);
            }
        }
        if (proxy != null && cause instanceof ConnectException) {
            return new Failure(
                    FailureKind.PROXY_UNREACHABLE,
                    "the proxy " + proxyAddress(proxy) + " could not be reached: " + cause.getMessage(),
                    0);
        }
        return new Failure(FailureKind.IO, String.valueOf(cause.getMessage()), 0);
    }

    private static String certificateDetail(Throwable ssl) {
        // Vert.x reports "Failed to create SSL connection"; the JDK's reason is further down the chain.
        StringBuilder chain = new StringBuilder();
        String reason = null;
        for (Throwable t = ssl; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "its certificate has expired (" + t.getMessage() + ")";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "its certificate is not valid yet (" + t.getMessage() + ")";
            }
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                chain.append(chain.length() == 0 ? "" : ": ").append(m);
                reason = m;
            }
        }
        String all = chain.toString();
        if (all.contains("No subject alternative") || all.contains("No name matching")) {
            return "its certificate is for another host name (" + reason + ")";
        }
        if (all.contains("PKIX path building failed") || all.contains("unable to find valid certification")) {
            return "its certificate is not signed by a trusted authority; trust its issuer (KustoClientOptions"
                    + ".setTrustStore) if this is the cluster or your TLS-inspecting proxy (" + reason + ")";
        }
        return "the TLS handshake failed (" + all + ")";
    }

    private static boolean isProxyConnectException(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("io.netty.handler.proxy.ProxyConnectException")) {
                return true;
            }
        }
        return false;
    }

    private static String statusHint(int status) {
        return switch (status) {
            case 407 -> " (Proxy Authentication Required: give the proxy's user and password)";
            case 403 -> " (Forbidden: the proxy does not allow this host)";
            default -> "";
        };
    }

    /** @return {@code host:port} of the proxy, never its credentials */
    public static String proxyAddress(ProxyOptions proxy) {
        return proxy == null ? "(none)" : proxy.getHost() + ":" + proxy.getPort();
    }

    /** @return the proxy as a URL with the password replaced by {@code ****} */
    public static String describe(ProxyOptions proxy) {
        if (proxy == null) {
            return "none";
        }
        String user = proxy.getUsername() == null
                ? ""
                : proxy.getUsername() + (proxy.getPassword() == null ? "" : ":****") + "@";
        return "http://" + user + proxyAddress(proxy);
    }

    private static String redact(String url) {
        return url.replaceAll("(//[^/:@]*):[^@/]*@", "$1:****@").replaceAll("^([^/:@]*):[^@/]*@", "$1:****@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String first(Map<String, String> env, String upper, String lower) {
        String v = env.get(upper);
        return v != null ? v : env.get(lower);
    }
}

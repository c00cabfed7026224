package io.kustotyped.emulator;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How the emulator protects itself from clients that hold connections without using them.
 *
 * <ul>
 *   <li>A new connection must deliver complete request headers within {@code headerTimeout}, or it is closed;</li>
 *   <li>a request's body must arrive within {@code requestTimeout} of its headers, or it is answered 408 and its
 *       connection closed;</li>
 *   <li>a kept-alive connection with no request in progress is closed after {@code idleTimeout};</li>
 *   <li>at most {@code maxConnections} connections are open. When one more arrives, the oldest connection with no
 *       request in progress is closed to make room (first those that never completed a request, then kept-alive
 *       ones); when every connection is busy, the new one is closed. The default is half the process's file
 *       descriptor limit. Accepting runs ahead of this check, so a fast flood can still exhaust descriptors for a
 *       moment: then accepting pauses for a second (Netty) and resumes once closed connections free them.</li>
 * </ul>
 *
 * @param maxConnections the most open connections (at least 1)
 * @param headerTimeout the time a new connection has to send its first request's headers
 * @param requestTimeout the time a request has to send its body, from its headers
 * @param idleTimeout the time a connection may wait with no request in progress, after its first response
 */
public record ConnectionLimits(
        int maxConnections, Duration headerTimeout, Duration requestTimeout, Duration idleTimeout) {

    /**
     * Half the descriptor limit (between 16 and 1024) connections, 10 s for headers, 60 s for a body, 120 s idle
     * (longer than the usual client keep-alive of 60 s, so clients close first).
     */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(
            defaultMaxConnections(), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(120));

    /** Checks the values. */
    public ConnectionLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        positive(headerTimeout, "headerTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(idleTimeout, "idleTimeout");
    }

    /**
     * @param maxConnections the most open connections
     * @return a copy with that limit
     */
    public ConnectionLimits withMaxConnections(int maxConnections) {
        return new ConnectionLimits(maxConnections, headerTimeout, requestTimeout, idleTimeout);
    }

    /**
     * @param headerTimeout the time a new connection has to send its first request's headers
     * @return a copy with that timeout
     */
    public ConnectionLimits withHeaderTimeout(Duration headerTimeout) {
        return new ConnectionLimits(maxConnections, headerTimeout, requestTimeout, idleTimeout);
    }

    /**
     * @param requestTimeout the time a request has to send its body
     * @return a copy with that timeout
     */
    public ConnectionLimits withRequestTimeout(Duration requestTimeout) {
        return new ConnectionLimits(maxConnections, headerTimeout, requestTimeout, idleTimeout);
    }

    /**
     * @param idleTimeout the time a connection may wait with no request in progress
     * @return a copy with that timeout
     */
    public ConnectionLimits withIdleTimeout(Duration idleTimeout) {
        return new ConnectionLimits(maxConnections, headerTimeout, requestTimeout, idleTimeout);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
    }

    private static int defaultMaxConnections() {
        long descriptors = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            descriptors = os.getMaxFileDescriptorCount();
        }
        if (descriptors <= 0) {
            return 1024;
        }
        return (int) Math.max(16, Math.min(1024, descriptors / 2));
    }
}

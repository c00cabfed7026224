package io.kustotyped.emulator;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.http.Responses;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces {@link ConnectionLimits}: header, body and idle timeouts per connection, and the connection limit with
 * eviction of the oldest waiting connection. Vert.x has idle timeouts but no header-read timeout: a client that sends
 * one header byte every few seconds (slowloris) is never idle. So every connection carries one timer, re-armed at
 * each step: opened (headers due), request started (body due), response ended (next request due).
 *
 * <p>HTTP/1.x only (the server disables h2c), so a connection has at most one request in progress.
 */
final class ConnectionGuard {
    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());

    private final Vertx vertx;
    private final ConnectionLimits limits;
    /** Open connections, oldest first. Guarded by {@code this}. */
    private final Map<HttpConnection, State> open = new LinkedHashMap<>();

    private static final class State {
        /** A request is in progress. */
        boolean busy;
        /** It has sent a complete request before: a client's kept-alive connection, evicted only after new ones. */
        boolean served;

        long timer = -1;
    }

    ConnectionGuard(Vertx vertx, ConnectionLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
        warmUp();
    }

    /**
     * Loads now what the error paths would otherwise load on first use by opening a file. When descriptors run out
     * (EMFILE), Netty logs the failed accept and pauses accepting for a second; if that first log line is what
     * initializes the time-zone rules ({@code tzdb.dat}), the initialization fails, the {@code NoClassDefFoundError}
     * kills the acceptor thread, and the server never accepts again. Likewise {@code UUID.randomUUID()} opens
     * {@code /dev/urandom} on first use.
     */
    static void warmUp() {
        java.time.ZoneId.systemDefault().getRules();
        new java.util.logging.SimpleFormatter().format(new java.util.logging.LogRecord(Level.FINE, "warm-up"));
        java.util.UUID.randomUUID();
    }

    /** A connection was accepted (on its event loop, before any request). */
    void connected(HttpConnection conn) {
        HttpConnection victim = null;
        boolean refuse = false;
        synchronized (this) {
            if (open.size() >= limits.maxConnections()) {
                victim = evict(false);
                if (victim == null) {
                    victim = evict(true);
                }
                refuse = victim == null;
            }
            if (!refuse) {
                State s = new State();
                open.put(conn, s);
                arm(conn, s, limits.headerTimeout().toMillis(), "request headers");
            }
        }
        if (victim != null) {
            LOG.fine("connection limit (" + limits.maxConnections() + ") reached: closing the oldest waiting one");
            victim.close();
        }
        if (refuse) {
            LOG.fine("connection limit (" + limits.maxConnections() + ") reached and every connection busy: refusing");
            conn.close();
            return;
        }
        conn.closeHandler(v -> {
            synchronized (this) {
                State s = open.remove(conn);
                if (s != null) {
                    cancel(s);
                }
            }
        });
    }

    /**
     * Removes the oldest connection with no request in progress; first only among those that never completed a
     * request (a flood of half-open connections), then among kept-alive ones. Caller holds the lock.
     */
    private HttpConnection evict(boolean servedToo) {
        Iterator<Map.Entry<HttpConnection, State>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<HttpConnection, State> e = it.next();
            State s = e.getValue();
            if (!s.busy && (servedToo || !s.served)) {
                cancel(s);
                it.remove();
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * A request's headers arrived: its body is due within the request timeout, and the next request's wait starts
     * when its response ends.
     *
     * @return whether to handle the request (false when its connection was already given up)
     */
    boolean requestStarted(HttpServerRequest req, RequestInfo info) {
        HttpConnection conn = req.connection();
        synchronized (this) {
            State s = open.get(conn);
            if (s == null) {
                return false;
            }
            cancel(s);
            s.busy = true;
            s.served = true;
            long deadline = limits.requestTimeout().toMillis();
            s.timer = vertx.setTimer(deadline, id -> requestTimedOut(req, info, conn, id));
        }
        req.response().endHandler(v -> responseEnded(conn));
        try {
            req.end().onComplete(ar -> bodyEnded(conn));
        } catch (IllegalStateException alreadyEnded) {
            bodyEnded(conn);
        }
        return true;
    }

    private void bodyEnded(HttpConnection conn) {
        synchronized (this) {
            State s = open.get(conn);
            if (s != null && s.busy) {
                cancel(s); // the answer may take as long as it takes (slow faults, long queries)
            }
        }
    }

    private void responseEnded(HttpConnection conn) {
        synchronized (this) {
            State s = open.get(conn);
            if (s != null) {
                cancel(s);
                s.busy = false;
                arm(conn, s, limits.idleTimeout().toMillis(), "a next request");
            }
        }
    }

    private void requestTimedOut(HttpServerRequest req, RequestInfo info, HttpConnection conn, long timer) {
        synchronized (this) {
            State s = open.get(conn);
            if (s == null || s.timer != timer) {
                return;
            }
            s.timer = -1;
            open.remove(conn);
        }
        LOG.fine("a request body did not arrive within " + limits.requestTimeout() + ": closing its connection");
        if (!req.response().ended() && !req.response().headWritten()) {
            req.response().putHeader("Connection", "close");
            Responses.error(
                    req,
                    info,
                    new KustoError(
                            408,
                            "RequestTimeout",
                            "The request timed out.",
                            "Kusto.Common.Svc.Exceptions.RequestTimeoutException",
                            "The request body did not arrive within "
                                    + limits.requestTimeout().toMillis() + " ms.",
                            false));
            vertx.setTimer(100, id -> conn.close());
        } else {
            conn.close();
        }
    }

    /** Arms the connection's timer; caller holds the lock. */
    private void arm(HttpConnection conn, State s, long millis, String what) {
        s.timer = vertx.setTimer(millis, id -> {
            synchronized (this) {
                if (s.timer != id || open.get(conn) != s) {
                    return;
                }
                s.timer = -1;
                open.remove(conn); // do not wait for the close handler: a connection reset earlier may never call it
            }
            LOG.log(Level.FINE, "no {0} within {1} ms: closing the connection", new Object[] {what, millis});
            conn.close();
        });
    }

    private void cancel(State s) {
        if (s.timer >= 0) {
            vertx.cancelTimer(s.timer);
            s.timer = -1;
        }
    }
}

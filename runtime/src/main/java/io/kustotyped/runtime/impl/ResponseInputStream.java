package io.kustotyped.runtime.impl;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A response body as a blocking {@link InputStream}, for a parser on a worker thread: the event loop queues the
 * chunks as they arrive, and pauses the response while more than {@link #HIGH_WATER} bytes wait (TCP back-pressure
 * then slows the server), resuming below {@link #LOW_WATER}. So a body of any size is held at most about a megabyte
 * at a time. Internal.
 */
public final class ResponseInputStream extends InputStream {

    /** Queued bytes above which the response is paused. */
    static final int HIGH_WATER = 1 << 20;
    /** Queued bytes below which a paused response is resumed. */
    static final int LOW_WATER = 256 << 10;

    private final ReadStream<Buffer> source;
    private final Context context;
    private final Runnable abandon;
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private int headPosition;
    private long queued;
    private boolean paused;
    private boolean ended;
    private boolean closed;
    private Throwable failure;

    /**
     * Starts reading {@code source}; call on its context (the event loop the response arrived on).
     *
     * @param source the response body
     * @param context the source's context, where it is resumed
     * @param abandon run on the context when the stream is closed before the body ended (resets the request)
     */
    public ResponseInputStream(ReadStream<Buffer> source, Context context, Runnable abandon) {
        this.source = source;
        this.context = context;
        this.abandon = abandon;
        source.handler(this::onData).endHandler(v -> onEnd()).exceptionHandler(this::onFailure);
    }

    private synchronized void onData(Buffer chunk) {
        if (closed) {
            return;
        }
        queue.add(chunk);
        queued += chunk.length();
        if (queued > HIGH_WATER && !paused) {
            paused = true;
            source.pause();
        }
        notifyAll();
    }

    private synchronized void onEnd() {
        ended = true;
        notifyAll();
    }

    private synchronized void onFailure(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (queue.isEmpty() && !ended && failure == null && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the response body");
            }
        }
        if (closed) {
            throw new IOException("the response stream is closed");
        }
        if (queue.isEmpty()) {
            if (failure != null) {
                throw new IOException("the response body failed: " + failure, failure);
            }
            return -1;
        }
        Buffer head = queue.peek();
        int n = Math.min(len, head.length() - headPosition);
        head.getBytes(headPosition, headPosition + n, b, off);
        headPosition += n;
        if (headPosition == head.length()) {
            queue.poll();
            headPosition = 0;
        }
        queued -= n;
        if (paused && queued < LOW_WATER) {
            paused = false;
            context.runOnContext(v -> source.resume());
        }
        return n;
    }

    @Override
    public void close() {
        boolean abandoned;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            abandoned = !ended && failure == null;
            queue.clear();
            queued = 0;
            notifyAll();
        }
        if (abandoned) {
            context.runOnContext(v -> abandon.run());
        }
    }
}

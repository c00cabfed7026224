package io.kustotyped.samples;

import io.kustotyped.runtime.IngestListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows ingestion progress from the ingestor's per-request events: one line rewritten in place on a terminal,
 * otherwise (a log file, CI) one line per 10 %.
 */
final class Progress implements IngestListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final String table;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private long start = System.nanoTime();
    private long rows;
    private long requests;
    private long retries;
    private long lastDraw;
    private int lastDecile;

    Progress(String table, long total, PrintStream out, boolean terminal) {
        this.table = table;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onRequest(RequestEvent event) {
        requests++;
        switch (event.outcome()) {
            case SUCCEEDED -> rows += event.rows();
            case RETRYING -> retries++;
            default -> {}
        }
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + line(now));
                out.flush();
            }
        } else {
            int decile = total == 0 ? 10 : (int) (rows * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.println(line(now));
            }
        }
    }

    /** Starts the clock: call it when ingestion starts. */
    synchronized void begin() {
        start = System.nanoTime();
    }

    /** Ends the display (the final figures on a terminal). */
    synchronized void finish() {
        if (terminal) {
            out.println("\r" + line(System.nanoTime()));
        }
    }

    private String line(long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        return String.format(
                Locale.ROOT,
                "  %-9s %,11d / %,d rows (%3d%%)  %,5d requests  %,3d retries  %,9.0f rows/s",
                table,
                rows,
                total,
                total == 0 ? 100 : rows * 100 / total,
                requests,
                retries,
                rows / seconds);
    }
}

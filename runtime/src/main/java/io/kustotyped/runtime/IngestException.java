package io.kustotyped.runtime;

/**
 * An ingest call in which not every row landed. {@link #result()} says exactly which rows (index ranges) did not,
 * and why, so that callers can retry them or send them to a dead-letter store.
 */
public final class IngestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LISTED = 5;

    private final transient IngestResult result;

    /** @param result the partial result */
    public IngestException(IngestResult result) {
        super(describe(result), firstCause(result));
        this.result = result;
    }

    /** The partial result: what landed, what did not and why. */
    public IngestResult result() {
        return result;
    }

    private static Throwable firstCause(IngestResult r) {
        if (!r.failures().isEmpty()) {
            return r.failures().get(0).cause();
        }
        return r.inputFailure().orElse(r.stoppedReading().orElse(null));
    }

    private static String describe(IngestResult r) {
        StringBuilder sb = new StringBuilder();
        // Every row read either landed or failed; for a List, the rows never read are listed as failures too.
        long failed = r.rowsFailed();
        long known = r.rowsIngested() + failed;
        sb.append(failed)
                .append(" of ")
                .append(known)
                .append(known == 1 ? " row" : " rows")
                .append(" did not land");
        long unread = known - r.rowsRead();
        long maybe = 0;
        for (FailedRows f : r.failures()) {
            maybe += f.possiblyIngested() ? f.rowCount() : 0;
        }
        if (unread > 0 || maybe > 0) {
            sb.append(" (");
            if (unread > 0) {
                sb.append(unread).append(" never read");
            }
            if (maybe > 0) {
                sb.append(unread > 0 ? ", " : "").append(maybe).append(" possibly ingested");
            }
            sb.append(')');
        }
        int listed = 0;
        for (FailedRows f : r.failures()) {
            if (listed++ == MAX_LISTED) {
                sb.append("; and ").append(r.failures().size() - MAX_LISTED).append(" more failures");
                break;
            }
            sb.append("; ")
                    .append(
                            f.ranges().size() <= 3
                                    ? f.ranges().toString()
                                    : f.ranges().subList(0, 3) + " and "
                                            + (f.ranges().size() - 3) + " more ranges");
            if (f.possiblyIngested()) {
                sb.append(" (possibly ingested)");
            }
            sb.append(": ").append(f.cause().getMessage());
        }
        r.inputFailure()
                .ifPresent(t -> sb.append("; the input failed after row ")
                        .append(r.rowsRead() - 1)
                        .append(" and was not read further: ")
                        .append(t));
        r.stoppedReading()
                .ifPresent(t -> sb.append("; reading stopped after row ")
                        .append(r.rowsRead() - 1)
                        .append(" because every request would fail: ")
                        .append(t.getMessage()));
        return sb.toString();
    }
}

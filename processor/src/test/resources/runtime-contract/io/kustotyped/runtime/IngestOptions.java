package io.kustotyped.runtime;

/**
 * CONTRACT SKETCH (the runtime owner fills this in): per-ingestor options. {@code new IngestOptions()} gives the defaults.
 */
public class IngestOptions {

    /** The defaults. */
    public IngestOptions() {
    }
}

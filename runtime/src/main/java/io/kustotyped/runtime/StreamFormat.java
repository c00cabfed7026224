package io.kustotyped.runtime;

/** The {@code streamFormat} of ingestion requests (docs/kusto-rules.md §8). */
public enum StreamFormat {
    /**
     * Objects one after another; a malformed record fails the whole request ({@code BadRequest_InvalidBlob}) instead
     * of being skipped. The default.
     */
    MULTI_JSON("MultiJson"),
    /** JSON Lines: one object per line; lines the service cannot parse are skipped silently. */
    JSON("Json");

    private final String wireName;

    StreamFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The value sent as the {@code streamFormat} query parameter. */
    public String wireName() {
        return wireName;
    }
}

package io.kustotyped.emulator.fault;

/** When an injected fault strikes relative to committing the request's rows. */
public enum FaultPhase {
    /** Nothing is committed: the request fails cleanly. */
    BEFORE_COMMIT,
    /**
     * The rows are committed and then the request fails: the ambiguous case a client cannot tell from a lost
     * response; a retry duplicates the rows.
     */
    AFTER_COMMIT;

    /**
     * Parses {@code before} / {@code after} (or the enum names), any case.
     *
     * @param text the name
     * @return the phase
     * @throws IllegalArgumentException for anything else
     */
    public static FaultPhase parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "before", "before_commit", "before-commit" -> BEFORE_COMMIT;
            case "after", "after_commit", "after-commit" -> AFTER_COMMIT;
            default -> throw new IllegalArgumentException("unknown fault phase '" + text + "' (use before or after)");
        };
    }
}

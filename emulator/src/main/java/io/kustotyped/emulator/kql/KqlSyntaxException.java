package io.kustotyped.emulator.kql;

/**
 * A command or query the emulator cannot parse. {@link KqlService} turns it into a 400 {@code BadRequest_SyntaxError}
 * (docs/kusto-rules.md §1.5). The message names the offending text and its character position.
 */
public final class KqlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param message what is wrong, in words a user can act on
     * @param position 0-based character offset into the command text, or -1 when unknown
     */
    public KqlSyntaxException(String message, int position) {
        super(position >= 0 ? message + " (at position " + position + ")" : message);
        this.position = position;
    }

    /** The 0-based character offset of the error in the command text, or -1. */
    public int position() {
        return position;
    }
}

package io.kustotyped.emulator.kql;

/**
 * One lexical token of a KQL command or query.
 *
 * @param kind what sort of token
 * @param text the source text (for {@link Kind#COMMAND} without the dot, lower-cased; for punctuation the symbol)
 * @param value the decoded value: the name for {@link Kind#NAME}/{@link Kind#QUOTED_NAME}, the string for
 *     {@link Kind#STRING}, a {@code Long} or {@code Double} for numbers, the raw text inside the parentheses for
 *     {@link Kind#TYPED_LITERAL}
 * @param position 0-based offset in the source text
 */
record Token(Kind kind, String text, Object value, int position) {

    /** Token kinds. */
    enum Kind {
        /** A bare identifier such as {@code Logs} or {@code where}. */
        NAME,
        /** A bracket-quoted name {@code ['x']} or {@code ["x"]} (docs/kusto-rules.md §5.2); never a keyword. */
        QUOTED_NAME,
        /** A string literal; adjacent literals are separate tokens, the parser concatenates them. */
        STRING,
        /** An integer literal (value: Long). */
        LONG,
        /** A real literal such as {@code 1.5} or {@code 1e3} (value: Double). */
        REAL,
        /** A timespan literal such as {@code 1d}, {@code 1.5h}, {@code 100ms} (value: the text). */
        TIMESPAN,
        /** {@code type(raw)}, e.g. {@code datetime(2024-01-01)}, {@code guid(...)}, {@code int(null)}. */
        TYPED_LITERAL,
        /** A management command verb: {@code .create}, {@code .create-merge}, ... (text without the dot). */
        COMMAND,
        /** Punctuation or an operator: {@code | ( ) [ ] , : ; = == != < > <= >= =~ !~ ! - + *}. */
        SYMBOL,
        /** End of input. */
        EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }

    /** A bare identifier equal to {@code word}, compared ignoring case as Kusto's keywords are. */
    boolean isKeyword(String word) {
        return kind == Kind.NAME && text.equalsIgnoreCase(word);
    }

    /** A bare identifier exactly equal to {@code word}: KQL query keywords are case-sensitive. */
    boolean isWord(String word) {
        return kind == Kind.NAME && text.equals(word);
    }

    /** For error messages. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of text";
            case STRING -> "string literal";
            default -> "'" + text + "'";
        };
    }
}

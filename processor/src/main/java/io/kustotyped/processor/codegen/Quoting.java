package io.kustotyped.processor.codegen;

/**
 * Quoting of the text the processor writes into generated code: JSON strings (RFC 8259), KQL bracket-quoted names
 * (docs/kusto-rules.md §5.2) and KQL string literals (docs/kusto-rules.md §3.2). One escaping routine serves all:
 * the quote character and {@code \} get a backslash, {@code \n \r \t} their short escapes, every other control
 * character {@code \}{@code u00XX}; everything else, non-ASCII included, stays as it is.
 */
public final class Quoting {

    /** Opens and closes a KQL multi-line string literal, inside which nothing is escaped. */
    public static final String KQL_MULTI_LINE = "```";

    private Quoting() {}

    /** {@code text} as a JSON string: {@code "..."}, with {@code \b} and {@code \f} in their short forms too. */
    public static String json(String text) {
        return quote(text, '"', true);
    }

    /**
     * A bracket-quoted KQL name, legal for any legal Kusto name, keywords included: {@code ['name']}, or
     * {@code ["name"]} when the name holds {@code '} (as KQL's own {@code BracketNameIfNecessary}).
     */
    public static String kqlBracket(String name) {
        return "[" + quote(name, name.indexOf('\'') >= 0 ? '"' : '\'', false) + "]";
    }

    /** A double-quoted KQL string literal. */
    public static String kqlDoubleQuoted(String text) {
        return quote(text, '"', false);
    }

    /** A single-quoted KQL string literal. */
    public static String kqlSingleQuoted(String text) {
        return quote(text, '\'', false);
    }

    private static String quote(String text, char quote, boolean json) {
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (json && c == '\b') {
                out.append("\\b");
            } else if (json && c == '\f') {
                out.append("\\f");
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}

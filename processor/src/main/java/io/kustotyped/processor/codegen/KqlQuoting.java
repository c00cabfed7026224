package io.kustotyped.processor.codegen;

/** KQL quoting: bracket-quoted names (docs/kusto-rules.md §5.2) and string literals (docs/kusto-rules.md §3.2). */
public final class KqlQuoting {

    private KqlQuoting() {}

    /**
     * A bracket-quoted name, legal for any legal Kusto name, keywords included: {@code ['name']}, or
     * {@code ["name"]} when the name holds {@code '} (docs/kusto-rules.md §5.2, as KQL's own {@code BracketNameIfNecessary}).
     */
    public static String bracket(String name) {
        char quote = name.indexOf('\'') >= 0 ? '"' : '\'';
        return "[" + literal(name, quote) + "]";
    }

    /** A double-quoted KQL string literal: {@code "..."} with {@code \" \\} and control characters escaped. */
    public static String doubleQuoted(String text) {
        return literal(text, '"');
    }

    /** A single-quoted KQL string literal: {@code '...'} with {@code \' \\} and control characters escaped. */
    public static String singleQuoted(String text) {
        return literal(text, '\'');
    }

    private static String literal(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }
}

package io.kustotyped.runtime;

/**
 * Quoting for KQL text built at run time, such as {@code ".show table " + Kql.bracket(table) + " cslschema"}. The
 * same rules as the commands the processor generates (its tests and this class's run the same cases).
 */
public final class Kql {

    private Kql() {}

    /**
     * A bracket-quoted entity name (table, column, database, mapping), legal for any legal Kusto name, keywords
     * included: {@code ['name']}, or {@code ["name"]} when the name holds a {@code '}; the quote, {@code \} and control
     * characters escaped (docs/kusto-rules.md §5.2).
     *
     * @param name an entity name
     * @return the quoted name
     */
    public static String bracket(String name) {
        char quote = name.indexOf('\'') >= 0 ? '"' : '\'';
        return "[" + literal(name, quote) + "]";
    }

    /**
     * A double-quoted KQL string literal: {@code "..."} with {@code \"}, {@code \\} and control characters escaped
     * (docs/kusto-rules.md §3.2).
     *
     * @param text any text
     * @return the literal
     */
    public static String string(String text) {
        return literal(text, '"');
    }

    /**
     * The command that makes streaming ingestion see a table's schema changes at once, instead of after the engine's
     * cache expires (https://learn.microsoft.com/kusto/management/data-ingestion/clear-schema-cache-command).
     *
     * @param tableName the table
     * @return {@code .clear table ['T'] cache streamingingestion schema}
     */
    public static String clearStreamingSchemaCache(String tableName) {
        return ".clear table " + bracket(tableName) + " cache streamingingestion schema";
    }

    private static String literal(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 4).append(quote);
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

package io.kustotyped.runtime;

/**
 * Quoting of Kusto entity names (tables, columns, databases, mappings) for commands built at run time, such as
 * {@code ".show table " + KustoNames.bracket(table) + " cslschema"}.
 */
public final class KustoNames {

    private KustoNames() {}

    /**
     * The name bracket-quoted so that any legal name works in a command: {@code ['name']}, or {@code ["name"]} when
     * the name holds a {@code '}, with the quote character and {@code \} escaped (docs/kusto-rules.md §5.2).
     *
     * @param name an entity name
     * @return the quoted name
     */
    public static String bracket(String name) {
        char q = name.indexOf('\'') >= 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(name.length() + 4).append('[').append(q);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == q || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append(q).append(']').toString();
    }
}

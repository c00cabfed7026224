package io.kustotyped.emulator.kql;

import java.util.Locale;

/** The string operators {@code contains}, {@code startswith}, {@code endswith} and {@code has}. */
final class StringPredicates {
    private StringPredicates() {}

    /**
     * @param kind {@code contains}, {@code startswith}, {@code endswith} or {@code has}
     * @param caseSensitive the {@code _cs} form; otherwise both sides are compared ignoring case
     * @param text the left operand
     * @param term the right operand
     * @return whether the text satisfies the operator
     */
    static boolean test(String kind, boolean caseSensitive, String text, String term) {
        String t = caseSensitive ? text : text.toLowerCase(Locale.ROOT);
        String s = caseSensitive ? term : term.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "contains" -> t.contains(s);
            case "startswith" -> t.startsWith(s);
            case "endswith" -> t.endsWith(s);
            default -> hasTerm(t, s);
        };
    }

    /** Kusto's {@code has}: the term appears bounded by non-alphanumeric characters (or the ends of the text). */
    private static boolean hasTerm(String text, String term) {
        if (term.isEmpty()) {
            return true;
        }
        for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
            int end = i + term.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}

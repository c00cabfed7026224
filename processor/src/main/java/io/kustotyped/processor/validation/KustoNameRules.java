package io.kustotyped.processor.validation;

import java.util.Optional;

/** Kusto's rules for table, column, mapping and database names (docs/kusto-rules.md §5.2). */
public final class KustoNameRules {

    /** Longest legal name. docs/kusto-rules.md §5.2. */
    public static final int MAX_LENGTH = 1024;

    private KustoNameRules() {}

    /**
     * Checks {@code name} against docs/kusto-rules.md §5.2: 1 to 1024 characters, each a letter, a digit, {@code _}, a space,
     * {@code .} or {@code -}; not only spaces; not starting or ending with {@code __} (reserved).
     *
     * @return what is wrong with the name, or empty when it is legal
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("it has " + name.length() + " characters, more than " + MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '.' || c == '-')) {
                return Optional.of("character '" + new String(Character.toChars(c)) + "' at index " + i
                        + " is not allowed (only letters, digits, '_', ' ', '.' and '-' are)");
            }
            i += Character.charCount(c);
        }
        if (name.isBlank()) {
            return Optional.of("it has only spaces");
        }
        if (name.startsWith("__") || name.endsWith("__")) {
            return Optional.of("names starting or ending with '__' are reserved");
        }
        return Optional.empty();
    }
}

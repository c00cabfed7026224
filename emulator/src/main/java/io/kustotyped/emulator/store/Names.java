package io.kustotyped.emulator.store;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;

/** Entity name rules (docs/kusto-rules.md §5.2). */
final class Names {
    private Names() {}

    /**
     * Checks an entity name: 1–1024 characters of letters, digits, {@code _}, space, {@code .} and {@code -}.
     *
     * @throws KustoError 400 {@code BadRequest_EntityNameIsNotValid}
     */
    static String check(String kind, String name) {
        if (name == null || name.isEmpty() || name.length() > 1024) {
            throw invalid(kind, name, "it must have 1 to 1024 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '.' || c == '-')) {
                throw invalid(
                        kind,
                        name,
                        "character '" + c + "' at position " + i
                                + " is not allowed (letters, digits, '_', ' ', '.' and '-' are)");
            }
        }
        return name;
    }

    private static KustoError invalid(String kind, String name, String why) {
        return KustoErrors.badRequest(
                "BadRequest_EntityNameIsNotValid", "The " + kind + " name '" + name + "' is not valid: " + why + ".");
    }
}

package io.kustotyped.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The name rules of docs/kusto-rules.md §5.2. */
class KustoNameRulesTest {

    @Test
    void nameRules() {
        assertEquals(Optional.empty(), KustoNameRules.problem("Größe 1.a-b_c"));
        assertEquals(Optional.empty(), KustoNameRules.problem("1day"));
        assertEquals("it is empty", KustoNameRules.problem("").orElseThrow());
        assertEquals(
                "it has 1025 characters, more than 1024",
                KustoNameRules.problem("a".repeat(1025)).orElseThrow());
        assertEquals(Optional.empty(), KustoNameRules.problem("a".repeat(1024)));
        assertEquals(
                "names starting or ending with '__' are reserved",
                KustoNameRules.problem("x__").orElseThrow());
        assertEquals(
                "character '\"' at index 1 is not allowed (only letters, digits, '_', ' ', '.' and '-' are)",
                KustoNameRules.problem("a\"b").orElseThrow());
    }
}

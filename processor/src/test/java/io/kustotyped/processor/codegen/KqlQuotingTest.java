package io.kustotyped.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kustotyped.processor.validation.KustoNames;
import org.junit.jupiter.api.Test;

/** Quoting rules of docs/kusto-rules.md §5.2 (names) and §3.2 (string literals), and the name rules of §5.2. */
class KqlQuotingTest {

    @Test
    void namesAreAlwaysBracketQuoted() {
        assertEquals("['Orders']", KqlQuoting.bracket("Orders"));
        assertEquals("['where']", KqlQuoting.bracket("where"));
        assertEquals("['My Table.v2-x']", KqlQuoting.bracket("My Table.v2-x"));
        // A name holding ' is quoted with " (as KQL's own BracketNameIfNecessary does).
        assertEquals("[\"it's\"]", KqlQuoting.bracket("it's"));
        assertEquals("[\"a'b\\\"c\"]", KqlQuoting.bracket("a'b\"c"));
    }

    @Test
    void stringLiteralsEscapeTheirQuoteBackslashAndControls() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te'f\"", KqlQuoting.doubleQuoted("a\"b\\c\nd\te'f"));
        assertEquals("'$[\\'x\\']\\\\'", KqlQuoting.singleQuoted("$['x']\\"));
        assertEquals("'\\u0001\"'", KqlQuoting.singleQuoted("\u0001\""));
    }

    @Test
    void jsonStringsEscapePerRfc8259() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é\"", JsonText.quote("a\"b\\c\n\u0001é"));
    }

    @Test
    void nameRules() {
        assertEquals(java.util.Optional.empty(), KustoNames.problem("Größe 1.a-b_c"));
        assertEquals(java.util.Optional.empty(), KustoNames.problem("1day"));
        assertEquals("it is empty", KustoNames.problem("").orElseThrow());
        assertEquals(
                "it has 1025 characters, more than 1024",
                KustoNames.problem("a".repeat(1025)).orElseThrow());
        assertEquals(java.util.Optional.empty(), KustoNames.problem("a".repeat(1024)));
        assertEquals(
                "names starting or ending with '__' are reserved",
                KustoNames.problem("x__").orElseThrow());
        assertEquals(
                "character '\"' at index 1 is not allowed (only letters, digits, '_', ' ', '.' and '-' are)",
                KustoNames.problem("a\"b").orElseThrow());
    }
}

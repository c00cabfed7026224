package io.kustotyped.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The cases of the processor's {@code QuotingTest} (docs/kusto-rules.md §5.2 names, §3.2 literals), so that names
 * quoted at run time read exactly like the generated commands; {@code QuotingAgreementTest} in integration-tests
 * runs both implementations side by side.
 */
class KqlTest {

    @Test
    void namesAreAlwaysBracketQuoted() {
        assertEquals("['Orders']", Kql.bracket("Orders"));
        assertEquals("['where']", Kql.bracket("where"));
        assertEquals("['My Table.v2-x']", Kql.bracket("My Table.v2-x"));
        // A name holding ' is quoted with " (as KQL's own BracketNameIfNecessary does).
        assertEquals("[\"it's\"]", Kql.bracket("it's"));
        assertEquals("[\"a'b\\\"c\"]", Kql.bracket("a'b\"c"));
        assertEquals("['back\\\\slash']", Kql.bracket("back\\slash"));
    }

    @Test
    void controlCharactersAreEscapedNotSentRaw() {
        // A raw line break would end the command text early; the runtime's quoting once let it through.
        assertEquals("['a\\nb']", Kql.bracket("a\nb"));
        assertEquals("['a\\r\\tb']", Kql.bracket("a\r\tb"));
        assertEquals("['\\u0001']", Kql.bracket("\u0001"));
    }

    @Test
    void stringLiteralsEscapeTheirQuoteBackslashAndControls() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te'f\"", Kql.string("a\"b\\c\nd\te'f"));
        assertEquals("\"\\u0001'\"", Kql.string("\u0001'"));
    }
}

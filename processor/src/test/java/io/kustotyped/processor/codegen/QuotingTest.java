package io.kustotyped.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The processor's one quoting routine: KQL names (docs/kusto-rules.md §5.2), KQL string literals (§3.2) and JSON
 * strings (RFC 8259). The name cases are the runtime's {@code KustoNamesTest} cases, plus newline, control characters,
 * brackets and non-ASCII text.
 */
class QuotingTest {

    @Test
    void namesAreAlwaysBracketQuoted() {
        assertEquals("['Logs']", Quoting.kqlBracket("Logs"));
        assertEquals("['My table.v2-old']", Quoting.kqlBracket("My table.v2-old"));
        assertEquals("['where']", Quoting.kqlBracket("where"));
    }

    @Test
    void aNameHoldingAQuoteSwitchesToDoubleQuotesAndEscapes() {
        // As KQL's own BracketNameIfNecessary does.
        assertEquals("[\"it's\"]", Quoting.kqlBracket("it's"));
        assertEquals("[\"say \\\"hi\\\" it's\"]", Quoting.kqlBracket("say \"hi\" it's"));
        assertEquals("['back\\\\slash']", Quoting.kqlBracket("back\\slash"));
    }

    @Test
    void namesEscapeNewlinesAndControlsAndKeepBracketsAndUnicode() {
        assertEquals("['a\\nb\\r\\tc']", Quoting.kqlBracket("a\nb\r\tc"));
        assertEquals("['\\u0001\\u001f']", Quoting.kqlBracket("\u0001\u001f"));
        assertEquals("['a[0]]']", Quoting.kqlBracket("a[0]]"));
        assertEquals("['Größe 日本 😀']", Quoting.kqlBracket("Größe 日本 😀"));
    }

    @Test
    void stringLiteralsEscapeTheirQuoteBackslashAndControls() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te'f\"", Quoting.kqlDoubleQuoted("a\"b\\c\nd\te'f"));
        assertEquals("'$[\\'x\\']\\\\'", Quoting.kqlSingleQuoted("$['x']\\"));
        assertEquals("'\\u0001\"'", Quoting.kqlSingleQuoted("\u0001\""));
        // KQL has no \b or \f escape: they take the \\u form.
        assertEquals("'\\u0008\\u000c'", Quoting.kqlSingleQuoted("\b\f"));
    }

    @Test
    void jsonStringsEscapePerRfc8259() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é\"", Quoting.json("a\"b\\c\n\u0001é"));
        assertEquals("\"\\b\\f\\r\\t'[]\"", Quoting.json("\b\f\r\t'[]"));
        assertEquals("\"日本 😀\"", Quoting.json("日本 😀"));
    }
}

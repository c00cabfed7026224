package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KqlLexerTest {

    private static Token single(String text) {
        List<Token> tokens = KqlLexer.tokenize(text);
        assertEquals(2, tokens.size(), () -> "tokens of " + text + ": " + tokens);
        return tokens.get(0);
    }

    private static String string(String literal) {
        Token t = single(literal);
        assertEquals(Token.Kind.STRING, t.kind());
        return (String) t.value();
    }

    @Test
    void singleQuotedStringDecodesBackslashEscapes() {
        assertEquals("$['x-opt']", string("'$[\\'x-opt\\']'"));
        assertEquals("a\\b\"c\n\t", string("'a\\\\b\"c\\n\\t'"));
        assertEquals("\u00e9", string("'\\u00e9'"));
    }

    @Test
    void doubleQuotedStringDecodesEscapedQuote() {
        assertEquals("say \"hi\" it's", string("\"say \\\"hi\\\" it's\""));
    }

    @Test
    void verbatimStringsDoubleTheirQuote() {
        assertEquals("C:\\dir\\it's", string("@'C:\\dir\\it''s'"));
        assertEquals("a\"b\\n", string("@\"a\"\"b\\n\""));
    }

    @Test
    void tripleBacktickBlockIsTakenLiterallyAcrossLines() {
        assertEquals("\n[{\"column\":\"a\\b\"}]\n", string("```\n[{\"column\":\"a\\b\"}]\n```"));
    }

    @Test
    void obfuscatedStringIsAString() {
        assertEquals("secret", string("h'secret'"));
    }

    @Test
    void bracketQuotedNamesWithEscapes() {
        Token t = single("['it\\'s a name']");
        assertEquals(Token.Kind.QUOTED_NAME, t.kind());
        assertEquals("it's a name", t.value());
        assertEquals("where", single("[\"where\"]").value());
    }

    @Test
    void commandVerbsKeepHyphens() {
        List<Token> tokens = KqlLexer.tokenize(".create-or-alter table");
        assertEquals(Token.Kind.COMMAND, tokens.get(0).kind());
        assertEquals("create-or-alter", tokens.get(0).text());
        assertEquals("table", tokens.get(1).text());
    }

    @Test
    void dotIsACommandOnlyAtTheStart() {
        assertEquals(
                Token.Kind.COMMAND,
                KqlLexer.tokenize("// setup\n  .show tables").get(0).kind());
        List<Token> tokens = KqlLexer.tokenize("T | where Tags.Key == 1");
        assertEquals(".", tokens.get(4).text());
        assertEquals(Token.Kind.SYMBOL, tokens.get(4).kind());
        assertEquals("Key", tokens.get(5).text());
    }

    @Test
    void numbersAndTimespans() {
        assertEquals(42L, single("42").value());
        assertEquals(1.5, single("1.5").value());
        assertEquals(1000.0, single("1e3").value());
        assertEquals(255L, single("0xff").value());
        Token ts = single("1.5h");
        assertEquals(Token.Kind.TIMESPAN, ts.kind());
        assertEquals("1.5h", ts.value());
        assertEquals(Token.Kind.TIMESPAN, single("10microseconds").kind());
    }

    @Test
    void typedLiteralsCaptureRawText() {
        Token t = single("datetime(2024-01-01 10:00:00.5)");
        assertEquals(Token.Kind.TYPED_LITERAL, t.kind());
        assertEquals("datetime", t.text());
        assertEquals("2024-01-01 10:00:00.5", t.value());
        assertEquals(
                "74be27de-1e4e-49d9-b579-fe0b331d3642",
                single("guid( 74be27de-1e4e-49d9-b579-fe0b331d3642 )").value());
        assertEquals("{\"a\":\")\"}", single("dynamic({\"a\":\")\"})").value());
    }

    @Test
    void typeNameWithoutParenthesisIsAName() {
        List<Token> tokens = KqlLexer.tokenize("a:datetime, b:int)");
        assertEquals(Token.Kind.NAME, tokens.get(2).kind());
        assertEquals("datetime", tokens.get(2).text());
    }

    @Test
    void commentsAreSkipped() {
        List<Token> tokens = KqlLexer.tokenize("T // a comment\n| count");
        assertEquals(4, tokens.size());
    }

    @Test
    void errorsNameWhatAndWhere() {
        KqlSyntaxException e = assertThrows(KqlSyntaxException.class, () -> KqlLexer.tokenize("T | where a == 'x"));
        assertTrue(e.getMessage().contains("Unterminated string literal"), e.getMessage());
        assertEquals(15, e.position());
        e = assertThrows(KqlSyntaxException.class, () -> KqlLexer.tokenize("10parsecs"));
        assertTrue(e.getMessage().contains("unknown timespan unit 'parsecs'"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> KqlLexer.tokenize("'\\q'"));
        assertTrue(e.getMessage().contains("Unknown escape sequence"), e.getMessage());
        assertThrows(KqlSyntaxException.class, () -> KqlLexer.tokenize("T # x"));
        assertThrows(KqlSyntaxException.class, () -> KqlLexer.tokenize("datetime(2024"));
    }
}

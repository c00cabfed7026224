package io.kustotyped.emulator.kql;

import java.util.List;

/** A position in a token list with the small helpers both parsers share. */
class TokenCursor {
    private final List<Token> tokens;
    private int index;

    TokenCursor(String text) {
        this.tokens = KqlLexer.tokenize(text);
    }

    final Token peek() {
        return tokens.get(index);
    }

    final Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    final Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.EOF) {
            index++;
        }
        return t;
    }

    final boolean atEnd() {
        return peek().is(Token.Kind.EOF);
    }

    /** Consumes the next token if it is the given keyword (case-insensitive). */
    final boolean acceptKeyword(String word) {
        if (peek().isKeyword(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Consumes the next token if it is exactly the given word (case-sensitive, for query keywords). */
    final boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    final boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    final void expectKeyword(String word) {
        if (!acceptKeyword(word)) {
            throw error("Expected '" + word + "' but found " + peek().describe());
        }
    }

    final void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("Expected '" + symbol + "' but found " + peek().describe());
        }
    }

    /** A bare or bracket-quoted name (docs/kusto-rules.md §5.2). */
    final String expectName(String what) {
        Token t = peek();
        if (t.is(Token.Kind.NAME) || t.is(Token.Kind.QUOTED_NAME)) {
            index++;
            return (String) t.value();
        }
        throw error("Expected " + what + " but found " + t.describe());
    }

    final boolean atName() {
        return peek().is(Token.Kind.NAME) || peek().is(Token.Kind.QUOTED_NAME);
    }

    /** One string literal, or several adjacent ones concatenated (docs/kusto-rules.md §3.2). */
    final String expectString(String what) {
        if (!peek().is(Token.Kind.STRING)) {
            throw error("Expected " + what + " (a string literal) but found " + peek().describe());
        }
        StringBuilder sb = new StringBuilder();
        while (peek().is(Token.Kind.STRING)) {
            sb.append((String) next().value());
        }
        return sb.toString();
    }

    final void expectEnd(String context) {
        acceptSymbol(";");
        if (!atEnd()) {
            throw error("Unexpected " + peek().describe() + " after " + context);
        }
    }

    final KqlSyntaxException error(String message) {
        return new KqlSyntaxException(message, peek().position());
    }
}

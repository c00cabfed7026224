package io.kustotyped.emulator.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits KQL command and query text into {@link Token}s.
 *
 * <p>String literals follow docs/kusto-rules.md §3.2: single- or double-quoted with backslash escapes, verbatim {@code @'..'} /
 * {@code @".."} where a doubled quote stands for one, obfuscated {@code h'..'}, and {@code ```..```} blocks without
 * escapes. Bracket-quoted names {@code ['x']} / {@code ["x"]} become one {@link Token.Kind#QUOTED_NAME} token
 * (docs/kusto-rules.md §5.2). A scalar type name directly followed by {@code (} becomes one {@link Token.Kind#TYPED_LITERAL}
 * carrying the raw text between the parentheses, because literals like {@code datetime(2024-01-01 10:00)} and
 * {@code guid(74be27de-...)} are not made of ordinary tokens.
 *
 * <p>One idea, one cursor: every method advances the same position over the same text, and which reader runs
 * depends on what the previous characters were (a {@code @} or {@code h} before a quote, a type name before a
 * parenthesis). The file is a little over 400 lines because KQL has that many literal forms; splitting the string
 * readers out would make two classes share the cursor.
 */
final class KqlLexer {

    /** Type names whose {@code name(...)} form is a literal rather than a function call. */
    static final Set<String> LITERAL_TYPES = Set.of(
            "bool",
            "boolean",
            "int",
            "long",
            "real",
            "double",
            "decimal",
            "datetime",
            "date",
            "timespan",
            "time",
            "guid",
            "uuid",
            "uniqueid",
            "dynamic");

    private static final Set<String> TIMESPAN_UNITS = Set.of(
            "d",
            "day",
            "days",
            "h",
            "hr",
            "hrs",
            "hour",
            "hours",
            "m",
            "min",
            "minute",
            "minutes",
            "s",
            "sec",
            "second",
            "seconds",
            "ms",
            "milli",
            "millis",
            "millisecond",
            "milliseconds",
            "microsecond",
            "microseconds",
            "tick",
            "ticks");

    private final String text;
    private int pos;

    private KqlLexer(String text) {
        this.text = text;
    }

    /** Tokenizes the whole text; the last token is always {@link Token.Kind#EOF}. */
    static List<Token> tokenize(String text) {
        KqlLexer lexer = new KqlLexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return tokens;
    }

    private Token next() {
        skipSpaceAndComments();
        if (pos >= text.length()) {
            return new Token(Token.Kind.EOF, "", null, pos);
        }
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Token(Token.Kind.STRING, text.substring(start, scanQuoted(c)), readEscaped(c), start);
        }
        if (c == '`' && text.startsWith("```", pos)) {
            int end = text.indexOf("```", pos + 3);
            if (end < 0) {
                throw new KqlSyntaxException("Unterminated ``` string literal", start);
            }
            pos = end + 3;
            return new Token(Token.Kind.STRING, text.substring(start, pos), text.substring(start + 3, end), start);
        }
        if ((c == '@' || c == 'h' || c == 'H') && pos + 1 < text.length()) {
            char q = text.charAt(pos + 1);
            if (q == '\'' || q == '"') {
                pos++;
                String value = c == '@' ? readVerbatim(q) : readEscaped(q);
                return new Token(Token.Kind.STRING, text.substring(start, pos), value, start);
            }
            if (c == '@' && q == '`' && text.startsWith("```", pos + 1)) {
                pos++;
                Token block = next();
                return new Token(Token.Kind.STRING, text.substring(start, pos), block.value(), start);
            }
        }
        if (c == '[') {
            Token quoted = tryQuotedName();
            if (quoted != null) {
                return quoted;
            }
        }
        // A management command verb only starts the text; elsewhere '.' is a symbol (dynamic paths: Tags.k).
        if (c == '.' && start == firstTokenStart() && pos + 1 < text.length() && isLetter(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && (isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
                pos++;
            }
            String verb = text.substring(start + 1, pos).toLowerCase(Locale.ROOT);
            return new Token(Token.Kind.COMMAND, verb, verb, start);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (isLetter(c) || c == '$') {
            pos++;
            while (pos < text.length() && isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (LITERAL_TYPES.contains(name)) {
                int save = pos;
                skipSpaceAndComments();
                if (pos < text.length() && text.charAt(pos) == '(') {
                    String raw = rawParenthesized();
                    return new Token(Token.Kind.TYPED_LITERAL, name, raw, start);
                }
                pos = save;
            }
            return new Token(Token.Kind.NAME, name, name, start);
        }
        for (String op : new String[] {"==", "!=", "<>", "<=", ">=", "=~", "!~"}) {
            if (text.startsWith(op, pos)) {
                pos += 2;
                return new Token(Token.Kind.SYMBOL, op, op, start);
            }
        }
        if ("|()[],:;=<>-+*{}!.".indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.SYMBOL, String.valueOf(c), String.valueOf(c), start);
        }
        throw new KqlSyntaxException("Unexpected character '" + c + "'", start);
    }

    /** Where the first token of the text starts. */
    private int firstTokenStart() {
        int save = pos;
        pos = 0;
        skipSpaceAndComments();
        int first = pos;
        pos = save;
        return first;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Returns the index just past the closing quote of a backslash-escaped literal starting at {@code pos}. */
    private int scanQuoted(char quote) {
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                break;
            } else {
                i++;
            }
        }
        throw new KqlSyntaxException("Unterminated string literal", pos);
    }

    /** Reads a {@code '..'} or {@code ".."} literal with backslash escapes; {@code pos} is at the opening quote. */
    private String readEscaped(char quote) {
        int start = pos;
        int end = scanQuoted(quote);
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start + 1; i < end - 1; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                case '0' -> sb.append('\0');
                case '\\', '\'', '"' -> sb.append(e);
                case 'u' -> {
                    if (i + 4 >= end) {
                        throw new KqlSyntaxException("Bad \\u escape in string literal", i - 1);
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException ex) {
                        throw new KqlSyntaxException("Bad \\u escape in string literal", i - 1);
                    }
                    i += 4;
                }
                default ->
                    throw new KqlSyntaxException("Unknown escape sequence '\\" + e + "' in string literal", i - 1);
            }
        }
        pos = end;
        return sb.toString();
    }

    /** Reads a verbatim literal where a doubled quote stands for one quote; {@code pos} is at the opening quote. */
    private String readVerbatim(char quote) {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    sb.append(quote);
                    i += 2;
                    continue;
                }
                pos = i + 1;
                return sb.toString();
            }
            if (c == '\n') {
                break;
            }
            sb.append(c);
            i++;
        }
        throw new KqlSyntaxException("Unterminated verbatim string literal", start - 1);
    }

    /** {@code ['name']} or {@code ["name"]}, with optional spaces inside the brackets; null if not that shape. */
    private Token tryQuotedName() {
        int start = pos;
        int i = pos + 1;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= text.length()) {
            return null;
        }
        char q = text.charAt(i);
        boolean verbatim = false;
        if (q == '@' && i + 1 < text.length()) {
            verbatim = true;
            q = text.charAt(++i);
        }
        if (q != '\'' && q != '"') {
            return null;
        }
        pos = i;
        String name = verbatim ? readVerbatim(q) : readEscaped(q);
        skipSpaceAndComments();
        if (pos >= text.length() || text.charAt(pos) != ']') {
            throw new KqlSyntaxException("Expected ']' to close the quoted name [" + q + name + q, start);
        }
        pos++;
        if (name.isEmpty()) {
            throw new KqlSyntaxException("A quoted name must not be empty", start);
        }
        return new Token(Token.Kind.QUOTED_NAME, text.substring(start, pos), name, start);
    }

    private Token number() {
        int start = pos;
        boolean real = false;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            try {
                return new Token(
                        Token.Kind.LONG,
                        text.substring(start, pos),
                        Long.parseUnsignedLong(text.substring(start + 2, pos), 16),
                        start);
            } catch (NumberFormatException e) {
                throw new KqlSyntaxException("Bad hexadecimal literal '" + text.substring(start, pos) + "'", start);
            }
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length()
                && text.charAt(pos) == '.'
                && pos + 1 < text.length()
                && isDigit(text.charAt(pos + 1))) {
            real = true;
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                real = true;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String number = text.substring(start, pos);
        if (pos < text.length() && isLetter(text.charAt(pos))) {
            int unitStart = pos;
            while (pos < text.length() && isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String unit = text.substring(unitStart, pos);
            if (!TIMESPAN_UNITS.contains(unit.toLowerCase(Locale.ROOT))) {
                throw new KqlSyntaxException(
                        "Bad literal '" + text.substring(start, pos) + "': unknown timespan unit '" + unit
                                + "' (use d, h, m, s, ms, microsecond or tick)",
                        start);
            }
            return new Token(Token.Kind.TIMESPAN, text.substring(start, pos), text.substring(start, pos), start);
        }
        try {
            if (real) {
                return new Token(Token.Kind.REAL, number, Double.parseDouble(number), start);
            }
            return new Token(Token.Kind.LONG, number, Long.parseLong(number), start);
        } catch (NumberFormatException e) {
            throw new KqlSyntaxException("Number literal '" + number + "' is out of range for long", start);
        }
    }

    /** Raw text between the parenthesis at {@code pos} and its match, honouring nesting and string literals. */
    private String rawParenthesized() {
        int open = pos;
        int depth = 0;
        int i = pos;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    pos = i + 1;
                    return text.substring(open + 1, i).strip();
                }
            } else if (c == '\'' || c == '"') {
                int save = pos;
                pos = i;
                i = scanQuoted(c) - 1;
                pos = save;
            }
            i++;
        }
        throw new KqlSyntaxException("Missing ')' to close the literal", open);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ASCII letters and '_' only (docs/kusto-rules.md §5.2, TextFacts.IsLetter). */
    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c);
    }
}

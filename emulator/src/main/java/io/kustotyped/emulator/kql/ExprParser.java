package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.kql.Query.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The scalar expression grammar of the query subset, by precedence: {@code or} &lt; {@code and} &lt; comparison
 * (incl. string operators and {@code in}) &lt; unary minus &lt; primary (literals, columns with dynamic paths,
 * function calls, parentheses). {@link QueryParser} adds the tabular operators.
 *
 * <p>The parser, the compiler and the evaluator all recurse over the expression tree, so hostile text could overflow
 * the stack: parentheses and calls may nest {@value #MAX_NESTING} levels, and a tree (where a chain of {@code n}
 * {@code and}s is {@code n} levels high) may be {@value #MAX_HEIGHT} levels high. Past that, a syntax error.
 */
abstract class ExprParser extends TokenCursor {
    /** The deepest nesting of parentheses and function calls. */
    static final int MAX_NESTING = 64;

    /** The highest expression tree. */
    static final int MAX_HEIGHT = 256;

    /** Open parentheses and calls around the expression being parsed. */
    private int nesting;

    /** The height of the tree the last parse method returned. */
    private int height;

    ExprParser(String text) {
        super(text);
    }

    final Expr expression() {
        if (++nesting > MAX_NESTING) {
            throw error("The expression nests parentheses and function calls more than " + MAX_NESTING
                    + " levels deep; simplify it");
        }
        try {
            Expr left = andExpression();
            int h = height;
            while (peek().isWord("or")) {
                Token op = next();
                left = new Query.Binary("or", left, andExpression(), op.position());
                h = grow(h, height, op);
            }
            height = h;
            return left;
        } finally {
            nesting--;
        }
    }

    private Expr andExpression() {
        Expr left = comparison();
        int h = height;
        while (peek().isWord("and")) {
            Token op = next();
            left = new Query.Binary("and", left, comparison(), op.position());
            h = grow(h, height, op);
        }
        height = h;
        return left;
    }

    /** The height of a node over subtrees of heights {@code a} and {@code b}, checked against {@link #MAX_HEIGHT}. */
    private int grow(int a, int b, Token at) {
        int h = 1 + Math.max(a, b);
        if (h > MAX_HEIGHT) {
            throw new KqlSyntaxException(
                    "The expression is too complex: its operators nest more than " + MAX_HEIGHT + " levels (a chain of"
                            + " n 'and'/'or' counts as n levels); use 'in (...)' or split it",
                    at.position());
        }
        return h;
    }

    private Expr comparison() {
        Expr left = unary();
        Token op = peek();
        if (op.is(Token.Kind.SYMBOL)
                && switch (op.text()) {
                    case "==", "!=", "<>", "<", ">", "<=", ">=", "=~", "!~" -> true;
                    default -> false;
                }) {
            next();
            String operator = op.text().equals("<>") ? "!=" : op.text();
            int h = height;
            Expr right = unary();
            height = grow(h, height, op);
            return new Query.Binary(operator, left, right, op.position());
        }
        if (op.isSymbol("=")) {
            throw error("'=' is not a comparison in KQL; use '=='");
        }
        boolean negated = op.isSymbol("!") && peek(1).is(Token.Kind.NAME) && STRING_OPERATORS.contains(peek(1).text());
        Token word = negated ? peek(1) : op;
        if (word.is(Token.Kind.NAME) && STRING_OPERATORS.contains(word.text())) {
            next();
            if (negated) {
                next();
            }
            int h = height;
            if (word.text().equals("in")) {
                expectSymbol("(");
                List<Expr> values = new ArrayList<>();
                do {
                    values.add(unary());
                    h = Math.max(h, height);
                } while (acceptSymbol(","));
                expectSymbol(")");
                height = grow(h, 0, op);
                return new Query.In(left, List.copyOf(values), negated, op.position());
            }
            Expr right = unary();
            height = grow(h, height, op);
            return new Query.Binary((negated ? "!" : "") + word.text(), left, right, op.position());
        }
        if (op.is(Token.Kind.NAME) && !isClauseWord(op)) {
            throw new KqlSyntaxException(
                    "Unsupported operator " + op.describe() + " in expression. The emulator" + " supports "
                            + QueryParser.SUPPORTED,
                    op.position());
        }
        return left;
    }

    /** Word operators after an expression; each may be negated with a leading {@code !}. */
    private static final java.util.Set<String> STRING_OPERATORS = java.util.Set.of(
            "contains", "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs", "has", "has_cs", "in");

    /** Words that may legitimately follow an expression. */
    private static boolean isClauseWord(Token t) {
        return switch (t.text()) {
            case "and", "or", "asc", "desc", "nulls", "by" -> true;
            default -> false;
        };
    }

    final Expr unary() {
        Token t = peek();
        if (t.isSymbol("-")) {
            next();
            Expr operand = primary();
            height = grow(height, 0, t);
            return new Query.Negate(operand, t.position());
        }
        if (t.isSymbol("+")) {
            next();
        }
        return primary();
    }

    /** Kusto's column name for {@code project Tags.k[0]}: the path joined with '_' ({@code Tags_k_0}). */
    static String memberName(Expr e) {
        if (e instanceof Query.Member m) {
            return memberName(m.target()) + "_" + m.key();
        }
        return ((Query.ColumnRef) e).name();
    }

    /** Dynamic property and index access after a column: {@code Tags.k}, {@code Tags['k']}, {@code Tags[0]}. */
    final Expr path(Expr base) {
        Expr e = base;
        height = 1;
        while (true) {
            Token t = peek();
            if (t.isSymbol(".")) {
                next();
                Token key = peek();
                e = new Query.Member(e, expectName("a property name after '.'"), key.position());
            } else if (t.is(Token.Kind.QUOTED_NAME)) {
                next();
                e = new Query.Member(e, (String) t.value(), t.position());
            } else if (t.isSymbol("[")) {
                next();
                boolean negative = acceptSymbol("-");
                Token index = peek();
                if (!index.is(Token.Kind.LONG)) {
                    throw error("Expected an array index but found " + index.describe());
                }
                next();
                expectSymbol("]");
                long i = (Long) index.value();
                e = new Query.Member(e, negative ? -i : i, t.position());
            } else {
                return e;
            }
            height = grow(height, 0, t);
        }
    }

    private Expr primary() {
        Token t = next();
        height = 1;
        switch (t.kind()) {
            case LONG:
                return new Query.Literal(t.value(), Query.LiteralKind.LONG, t.position());
            case REAL:
                return new Query.Literal(t.value(), Query.LiteralKind.REAL, t.position());
            case TIMESPAN:
                return new Query.Literal(t.value(), Query.LiteralKind.TIMESPAN, t.position());
            case STRING: {
                StringBuilder sb = new StringBuilder((String) t.value());
                while (peek().is(Token.Kind.STRING)) {
                    sb.append((String) next().value());
                }
                return new Query.Literal(sb.toString(), Query.LiteralKind.STRING, t.position());
            }
            case TYPED_LITERAL:
                return new Query.TypedLiteral(t.text(), (String) t.value(), t.position());
            case QUOTED_NAME:
                return path(new Query.ColumnRef((String) t.value(), t.position()));
            case NAME:
                if (t.text().equals("true") || t.text().equals("false")) {
                    return new Query.Literal(Boolean.valueOf(t.text()), Query.LiteralKind.BOOL, t.position());
                }
                if (peek().isSymbol("(")) {
                    next();
                    List<Expr> args = new ArrayList<>();
                    int h = 0;
                    if (!peek().isSymbol(")")) {
                        do {
                            args.add(expression());
                            h = Math.max(h, height);
                        } while (acceptSymbol(","));
                    }
                    expectSymbol(")");
                    height = grow(h, 0, t);
                    return new Query.Call(t.text(), List.copyOf(args), t.position());
                }
                return path(new Query.ColumnRef(t.text(), t.position()));
            case SYMBOL:
                if (t.text().equals("(")) {
                    Expr inner = expression();
                    expectSymbol(")");
                    return inner;
                }
                break;
            default:
                break;
        }
        throw new KqlSyntaxException(
                "Expected a column, literal or function call but found " + t.describe(), t.position());
    }
}

package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.kql.Query.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the emulator's KQL query subset into a {@link Query}: {@code T | op | op ...} with the operators of
 * {@link #SUPPORTED}. Anything else is a {@link KqlSyntaxException} that says what is supported.
 */
final class QueryParser extends TokenCursor {

    /** The supported subset, quoted in every "unsupported" error. */
    static final String SUPPORTED = "a table name followed by '| count', '| take N', '| limit N', '| where <predicate>',"
            + " '| project col, name = expr', '| extend name = expr',"
            + " '| order by'/'| sort by col [asc|desc] [nulls first|last]', '| top N by col',"
            + " '| summarize count(), countif(p), dcount(x), min(x), max(x), sum(x), avg(x) [by col, ...]',"
            + " '| distinct col, ...', '| getschema'; predicates use == != <> < > <= >= =~ !~,"
            + " contains, startswith, endswith, has (and their _cs and ! forms), in (...), !in (...),"
            + " and, or, not(), isnull(), isnotnull(), isempty(), isnotempty(), now(), ago(1h), dynamic access (d.k, d['k'], d[0]),"
            + " and literals (strings, numbers,"
            + " true/false, datetime(...), timespan literals such as 1d or 30m, guid(...), int(null)-style typed"
            + " literals)";

    /** Query-level keywords outside the subset, refused with a clear message instead of "unknown table". */
    private static final java.util.Set<String> UNSUPPORTED_STATEMENTS = java.util.Set.of("let", "print", "union",
            "datatable", "range", "declare", "search", "find", "evaluate", "externaldata", "materialize", "alias",
            "restrict", "pattern", "cluster", "database", "table", "view");

    private QueryParser(String text) {
        super(text);
    }

    /** Parses one query. */
    static Query parse(String text) {
        return new QueryParser(text).query();
    }

    private Query query() {
        skipSetStatements();
        Token first = peek();
        if (first.is(Token.Kind.COMMAND)) {
            throw error("Management commands ('" + "." + first.text() + "') go to /v1/rest/mgmt, not to a query"
                    + " endpoint");
        }
        if (!atName()) {
            throw error("Expected a table name but found " + first.describe() + ". The emulator supports " + SUPPORTED);
        }
        if (first.is(Token.Kind.NAME) && UNSUPPORTED_STATEMENTS.contains(first.text())) {
            throw error("'" + first.text() + "' is not supported by the emulator; a query is a table name followed"
                    + " by operators. The emulator supports " + SUPPORTED);
        }
        String table = expectName("a table name");
        List<Query.Op> ops = new ArrayList<>();
        while (acceptSymbol("|")) {
            ops.add(operator());
        }
        expectEnd("the query (the emulator supports " + SUPPORTED + ")");
        return new Query(table, first.position(), List.copyOf(ops));
    }

    /** {@code set name [= value];} statements (client request options) are accepted and ignored. */
    private void skipSetStatements() {
        while (peek().isWord("set") && (peek(1).is(Token.Kind.NAME)) && !peek(1).isSymbol("|")) {
            next();
            next();
            if (acceptSymbol("=")) {
                next();
            }
            expectSymbol(";");
        }
    }

    private Query.Op operator() {
        Token t = peek();
        if (!t.is(Token.Kind.NAME)) {
            throw unsupportedOperator(t);
        }
        next();
        switch (t.text()) {
            case "count":
                return new Query.Count();
            case "take", "limit":
                return new Query.Take(nonNegativeCount(t.text()));
            case "where", "filter":
                return new Query.Where(expression());
            case "project":
                return new Query.Project(projectItems(true));
            case "extend":
                return new Query.Extend(projectItems(true));
            case "order", "sort":
                expectWord("by");
                List<Query.SortKey> keys = new ArrayList<>();
                do {
                    keys.add(sortKey());
                } while (acceptSymbol(","));
                return new Query.Sort(List.copyOf(keys));
            case "top":
                long n = nonNegativeCount("top");
                expectWord("by");
                return new Query.Top(n, sortKey());
            case "summarize":
                return summarize();
            case "distinct":
                return new Query.Distinct(projectItems(false));
            case "getschema":
                return new Query.GetSchema();
            default:
                throw unsupportedOperator(t);
        }
    }

    private KqlSyntaxException unsupportedOperator(Token t) {
        return new KqlSyntaxException("Unsupported query operator " + t.describe() + ". The emulator supports "
                + SUPPORTED, t.position());
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw error("Expected '" + word + "' but found " + peek().describe());
        }
    }

    private long nonNegativeCount(String op) {
        Token t = peek();
        if (!t.is(Token.Kind.LONG) || (Long) t.value() < 0) {
            throw error("'" + op + "' needs a non-negative integer literal but found " + t.describe());
        }
        next();
        return (Long) t.value();
    }

    private List<Query.ProjectItem> projectItems(boolean allowExpressions) {
        List<Query.ProjectItem> items = new ArrayList<>();
        do {
            Token at = peek();
            String name = expectName("a column name");
            if (allowExpressions && acceptSymbol("=")) {
                items.add(new Query.ProjectItem(name, expression()));
            } else {
                Expr e = allowExpressions ? path(new Query.ColumnRef(name, at.position()))
                        : new Query.ColumnRef(name, at.position());
                items.add(new Query.ProjectItem(e instanceof Query.Member ? memberName(e) : name, e));
            }
        } while (acceptSymbol(","));
        return List.copyOf(items);
    }

    private Query.SortKey sortKey() {
        Expr e = expression();
        boolean ascending = false;
        if (acceptWord("asc")) {
            ascending = true;
        } else {
            acceptWord("desc");
        }
        Boolean nullsFirst = null;
        if (acceptWord("nulls")) {
            if (acceptWord("first")) {
                nullsFirst = Boolean.TRUE;
            } else if (acceptWord("last")) {
                nullsFirst = Boolean.FALSE;
            } else {
                throw error("Expected 'first' or 'last' after 'nulls' but found " + peek().describe());
            }
        }
        return new Query.SortKey(e, ascending, nullsFirst);
    }

    private Query.Op summarize() {
        List<Query.Aggregate> aggregates = new ArrayList<>();
        do {
            Token at = peek();
            String name = null;
            if (atName() && peek(1).isSymbol("=")) {
                name = expectName("a column name");
                next();
            }
            Token fn = peek();
            if (!fn.is(Token.Kind.NAME) || !AGGREGATES.contains(fn.text()) || !peek(1).isSymbol("(")) {
                throw new KqlSyntaxException("Unsupported aggregation " + fn.describe() + ": the emulator supports "
                        + "count(), countif(predicate), dcount(x), min(x), max(x), sum(x) and avg(x) in summarize",
                        fn.position());
            }
            next();
            expectSymbol("(");
            Expr argument = null;
            if (fn.text().equals("count")) {
                expectSymbol(")");
            } else {
                argument = expression();
                expectSymbol(")");
            }
            aggregates.add(new Query.Aggregate(name, fn.text(), argument, at.position()));
        } while (acceptSymbol(","));
        List<Query.ProjectItem> by = List.of();
        if (acceptWord("by")) {
            by = projectItems(true);
        }
        return new Query.Summarize(List.copyOf(aggregates), by);
    }

    // ---- expressions: or < and < comparison < unary < primary ----

    private Expr expression() {
        Expr left = andExpression();
        while (peek().isWord("or")) {
            Token op = next();
            left = new Query.Binary("or", left, andExpression(), op.position());
        }
        return left;
    }

    private Expr andExpression() {
        Expr left = comparison();
        while (peek().isWord("and")) {
            Token op = next();
            left = new Query.Binary("and", left, comparison(), op.position());
        }
        return left;
    }

    private Expr comparison() {
        Expr left = unary();
        Token op = peek();
        if (op.is(Token.Kind.SYMBOL) && switch (op.text()) {
            case "==", "!=", "<>", "<", ">", "<=", ">=", "=~", "!~" -> true;
            default -> false;
        }) {
            next();
            String operator = op.text().equals("<>") ? "!=" : op.text();
            return new Query.Binary(operator, left, unary(), op.position());
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
            if (word.text().equals("in")) {
                expectSymbol("(");
                List<Expr> values = new ArrayList<>();
                do {
                    values.add(unary());
                } while (acceptSymbol(","));
                expectSymbol(")");
                return new Query.In(left, List.copyOf(values), negated, op.position());
            }
            return new Query.Binary((negated ? "!" : "") + word.text(), left, unary(), op.position());
        }
        if (op.is(Token.Kind.NAME) && !isClauseWord(op)) {
            throw new KqlSyntaxException("Unsupported operator " + op.describe() + " in expression. The emulator"
                    + " supports " + SUPPORTED, op.position());
        }
        return left;
    }

    /** Aggregation functions of {@code summarize}. */
    private static final java.util.Set<String> AGGREGATES = java.util.Set.of("count", "countif", "dcount", "min",
            "max", "sum", "avg");

    /** Word operators after an expression; each may be negated with a leading {@code !}. */
    private static final java.util.Set<String> STRING_OPERATORS = java.util.Set.of("contains", "contains_cs",
            "startswith", "startswith_cs", "endswith", "endswith_cs", "has", "has_cs", "in");

    /** Words that may legitimately follow an expression. */
    private static boolean isClauseWord(Token t) {
        return switch (t.text()) {
            case "and", "or", "asc", "desc", "nulls", "by" -> true;
            default -> false;
        };
    }

    private Expr unary() {
        Token t = peek();
        if (t.isSymbol("-")) {
            next();
            return new Query.Negate(primary(), t.position());
        }
        if (t.isSymbol("+")) {
            next();
        }
        return primary();
    }

    /** Kusto's column name for {@code project Tags.k[0]}: the path joined with '_' ({@code Tags_k_0}). */
    private static String memberName(Expr e) {
        if (e instanceof Query.Member m) {
            return memberName(m.target()) + "_" + m.key();
        }
        return ((Query.ColumnRef) e).name();
    }

    /** Dynamic property and index access after a column: {@code Tags.k}, {@code Tags['k']}, {@code Tags[0]}. */
    private Expr path(Expr base) {
        Expr e = base;
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
        }
    }

    private Expr primary() {
        Token t = next();
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
                    if (!peek().isSymbol(")")) {
                        do {
                            args.add(expression());
                        } while (acceptSymbol(","));
                    }
                    expectSymbol(")");
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
        throw new KqlSyntaxException("Expected a column, literal or function call but found " + t.describe(),
                t.position());
    }
}

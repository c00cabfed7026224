package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.kql.Query.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the emulator's KQL query subset into a {@link Query}: {@code T | op | op ...} with the operators of
 * {@link #SUPPORTED}. Anything else is a {@link KqlSyntaxException} that says what is supported.
 */
final class QueryParser extends ExprParser {

    /** The supported subset, quoted in every "unsupported" error. */
    static final String SUPPORTED =
            "a table name followed by '| count', '| take N', '| limit N', '| where <predicate>',"
                    + " '| project col, name = expr', '| extend name = expr',"
                    + " '| order by'/'| sort by col [asc|desc] [nulls first|last]', '| top N by col',"
                    + " '| summarize count(), countif(p), dcount(x), min(x), max(x), sum(x), avg(x) [by col, bin(col, size)]',"
                    + " '| distinct col, ...', '| getschema'; predicates use == != <> < > <= >= =~ !~,"
                    + " contains, startswith, endswith, has (and their _cs and ! forms), in (...), !in (...), and, or, not(),"
                    + " isnull(), isnotnull(), isempty(), isnotempty(), now(), ago(1h), bin(x, size), tostring(), toint(),"
                    + " tolong(), todouble(), todecimal(), tobool(), todatetime(), totimespan(), toguid(),"
                    + " dynamic access (d.k, d['k'], d[0]), and literals (strings, numbers, true/false, datetime(...),"
                    + " timespan literals such as 1d or 30m, guid(...), int(null)-style typed literals)";

    /** Query-level keywords outside the subset, refused with a clear message instead of "unknown table". */
    private static final java.util.Set<String> UNSUPPORTED_STATEMENTS = java.util.Set.of(
            "let",
            "print",
            "union",
            "datatable",
            "range",
            "declare",
            "search",
            "find",
            "evaluate",
            "externaldata",
            "materialize",
            "alias",
            "restrict",
            "pattern",
            "cluster",
            "database",
            "table",
            "view");

    /** Aggregation functions of {@code summarize}. */
    private static final java.util.Set<String> AGGREGATES =
            java.util.Set.of("count", "countif", "dcount", "min", "max", "sum", "avg");

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
                return new Query.Project(projectItems(true, false));
            case "extend":
                return new Query.Extend(projectItems(true, false));
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
                return new Query.Distinct(projectItems(false, false));
            case "getschema":
                return new Query.GetSchema();
            default:
                throw unsupportedOperator(t);
        }
    }

    private KqlSyntaxException unsupportedOperator(Token t) {
        return new KqlSyntaxException(
                "Unsupported query operator " + t.describe() + ". The emulator supports " + SUPPORTED, t.position());
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

    /**
     * Output columns: {@code name}, {@code alias = expr}, or (with {@code allowExpressions}) any expression. An
     * unnamed expression is named as Kusto does: a dynamic path {@code d.k} gives {@code d_k}; in {@code summarize by}
     * a function of a column ({@code bin(At, 1h)}) gives the column's name; otherwise {@code Column1}, {@code Column2}...
     */
    private List<Query.ProjectItem> projectItems(boolean allowExpressions, boolean groupBy) {
        List<Query.ProjectItem> items = new ArrayList<>();
        int unnamed = 0;
        do {
            Token at = peek();
            if (!allowExpressions) {
                items.add(new Query.ProjectItem(
                        expectName("a column name"), new Query.ColumnRef((String) at.value(), at.position())));
                continue;
            }
            if (atName() && peek(1).isSymbol("=")) {
                String name = expectName("a column name");
                next();
                items.add(new Query.ProjectItem(name, expression()));
                continue;
            }
            Expr e = expression();
            String name;
            if (e instanceof Query.ColumnRef c) {
                name = c.name();
            } else if (e instanceof Query.Member) {
                name = memberName(e);
            } else {
                String column = groupBy ? firstColumn(e) : null;
                name = column != null ? column : "Column" + (++unnamed);
            }
            items.add(new Query.ProjectItem(name, e));
        } while (acceptSymbol(","));
        return List.copyOf(items);
    }

    /** The first column an expression reads, or null. */
    private static String firstColumn(Expr e) {
        if (e instanceof Query.ColumnRef c) {
            return c.name();
        }
        if (e instanceof Query.Call c) {
            for (Expr a : c.arguments()) {
                String name = firstColumn(a);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
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
                throw new KqlSyntaxException(
                        "Unsupported aggregation " + fn.describe() + ": the emulator supports "
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
            by = projectItems(true, true);
        }
        return new Query.Summarize(List.copyOf(aggregates), by);
    }
}

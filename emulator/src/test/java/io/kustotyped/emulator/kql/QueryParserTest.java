package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.kql.Query.Binary;
import io.kustotyped.emulator.kql.Query.ColumnRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    @Test
    void tableAloneAndQuotedTable() {
        assertEquals(new Query("Logs", 0, List.of()), QueryParser.parse("Logs"));
        assertEquals("My Logs", QueryParser.parse("['My Logs'] | count").table());
    }

    @Test
    void countTakeLimit() {
        Query q = QueryParser.parse("T | take 5 | limit 2 | count");
        assertEquals(List.of(new Query.Take(5), new Query.Take(2), new Query.Count()), q.operators());
    }

    @Test
    void whereWithPrecedenceAndOrNot() {
        Query q = QueryParser.parse("T | where a == 1 or b != 'x' and not(isnull(c))");
        Binary or = (Binary) ((Query.Where) q.operators().get(0)).predicate();
        assertEquals("or", or.operator());
        Binary and = (Binary) or.right();
        assertEquals("and", and.operator());
        Query.Call not = (Query.Call) and.right();
        assertEquals("not", not.function());
        assertEquals("isnull", ((Query.Call) not.arguments().get(0)).function());
    }

    @Test
    void literalsOfEveryKind() {
        Query q =
                QueryParser.parse("T | where a > datetime(2024-01-01) and b < 1d and c == guid(00000000-0000-0000-0000-"
                        + "000000000001) and d == int(null) and e == -1.5 and f == true and g == \"s\" 'concat'");
        List<Query.Expr> leaves = new java.util.ArrayList<>();
        collect(((Query.Where) q.operators().get(0)).predicate(), leaves);
        assertEquals(new Query.TypedLiteral("datetime", "2024-01-01", 14), leaves.get(1));
        assertEquals(Query.LiteralKind.TIMESPAN, ((Query.Literal) leaves.get(3)).kind());
        assertEquals("guid", ((Query.TypedLiteral) leaves.get(5)).type());
        assertEquals("null", ((Query.TypedLiteral) leaves.get(7)).raw());
        assertInstanceOf(Query.Negate.class, leaves.get(9));
        assertEquals(Boolean.TRUE, ((Query.Literal) leaves.get(11)).value());
        assertEquals("sconcat", ((Query.Literal) leaves.get(13)).value());
    }

    private static void collect(Query.Expr e, List<Query.Expr> out) {
        if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else {
            out.add(e);
        }
    }

    @Test
    void projectOrderSummarizeTopDistinct() {
        Query q = QueryParser.parse("T | project a, ['b c'], x = d | order by a asc nulls last, x | top 3 by a"
                + " | summarize n = count(), count() by a, k = b | distinct a");
        Query.Project p = (Query.Project) q.operators().get(0);
        assertEquals(
                List.of("a", "b c", "x"),
                p.items().stream().map(Query.ProjectItem::name).toList());
        assertEquals(new ColumnRef("d", 28), p.items().get(2).expr());
        Query.Sort s = (Query.Sort) q.operators().get(1);
        assertTrue(s.keys().get(0).ascending());
        assertEquals(Boolean.FALSE, s.keys().get(0).nullsFirst());
        assertEquals(false, s.keys().get(1).ascending());
        assertEquals(3, ((Query.Top) q.operators().get(2)).count());
        Query.Summarize sum = (Query.Summarize) q.operators().get(3);
        assertEquals("n", sum.aggregates().get(0).name());
        assertEquals(null, sum.aggregates().get(1).name());
        assertEquals(
                List.of("a", "k"),
                sum.by().stream().map(Query.ProjectItem::name).toList());
        assertInstanceOf(Query.Distinct.class, q.operators().get(4));
        assertInstanceOf(
                Query.Sort.class, QueryParser.parse("T | sort by a").operators().get(0));
    }

    @Test
    void stringOperatorsAndIn() {
        Binary b = (Binary) ((Query.Where) QueryParser.parse("T | where a !contains_cs 'x'")
                        .operators()
                        .get(0))
                .predicate();
        assertEquals("!contains_cs", b.operator());
        Query.In in = (Query.In) ((Query.Where) QueryParser.parse("T | where a !in (1, 2, -3)")
                        .operators()
                        .get(0))
                .predicate();
        assertTrue(in.negated());
        assertEquals(3, in.values().size());
        assertThrows(KqlSyntaxException.class, () -> QueryParser.parse("T | where a in 1"));
    }

    @Test
    void setStatementsAreSkipped() {
        assertEquals(
                "T",
                QueryParser.parse("set notruncation;\nset truncationmaxrecords = 10; T | count")
                        .table());
    }

    @Test
    void unsupportedOperatorsSayWhatIsSupported() {
        for (String text : new String[] {
            "T | parse a with * x",
            "T | join U on a",
            "T | summarize percentile(a, 50)",
            "T | where a matches regex 'x'",
            "union T, U",
            "print 1 + 2",
            "let x = 1; T",
            "database('D').T"
        }) {
            KqlSyntaxException e = assertThrows(KqlSyntaxException.class, () -> QueryParser.parse(text), text);
            assertTrue(
                    e.getMessage().contains("count") && e.getMessage().contains("supports"),
                    text + " -> " + e.getMessage());
        }
    }

    @Test
    void malformedQueries() {
        KqlSyntaxException e = assertThrows(KqlSyntaxException.class, () -> QueryParser.parse("T | where a = 1"));
        assertTrue(e.getMessage().contains("use '=='"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> QueryParser.parse("T | take -1"));
        assertTrue(e.getMessage().contains("non-negative integer"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> QueryParser.parse(".show tables"));
        assertTrue(e.getMessage().contains("/v1/rest/mgmt"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> QueryParser.parse("T | where (a == 1"));
        assertTrue(e.getMessage().contains("Expected ')'"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> QueryParser.parse("T | order a"));
        assertTrue(e.getMessage().contains("Expected 'by'"), e.getMessage());
    }
}

package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.store.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryExecutorTest extends KqlTestSupport {

    private static final UUID G1 = UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642");

    @BeforeEach
    void data() throws Exception {
        mgmt(".create table Logs (Id:long, Name:string, Level:int, Score:real, Ok:bool, At:datetime, Took:timespan,"
                + " G:guid, D:dynamic, Amount:decimal)");
        Table t = catalog.database("Test").table("Logs");
        t.append(List.of(
                new Object[] {
                    1L,
                    "alpha",
                    1,
                    1.5,
                    true,
                    Instant.parse("2024-01-01T00:00:00.1234567Z"),
                    Duration.ofSeconds(90061, 1_000_100),
                    G1,
                    JSON.readTree("{\"k\":[1,2]}"),
                    new BigDecimal("1.50")
                },
                new Object[] {
                    2L,
                    "Beta",
                    2,
                    Double.NaN,
                    false,
                    Instant.parse("2024-01-02T00:00:00Z"),
                    Duration.ofSeconds(-2),
                    null,
                    JSON.readTree("\"text\""),
                    null
                },
                new Object[] {3L, "", null, Double.POSITIVE_INFINITY, null, null, null, null, null, null},
                new Object[] {
                    4L,
                    "beta",
                    2,
                    -3.0,
                    true,
                    Instant.parse("2023-12-31T23:59:59Z"),
                    Duration.ZERO,
                    null,
                    JSON.readTree("7"),
                    new BigDecimal("-2")
                }));
    }

    private List<String> ids(String query) {
        return rows(query(query));
    }

    @Test
    void wholeTableWithEveryValueEncoding() {
        JsonNode t = query("Logs");
        assertEquals(List.of("Id", "Name", "Level", "Score", "Ok", "At", "Took", "G", "D", "Amount"), columnNames(t));
        assertEquals(
                List.of("long", "string", "int", "real", "bool", "datetime", "timespan", "guid", "dynamic", "decimal"),
                columnTypes(t));
        List<String> rows = rows(t);
        assertEquals(
                "[1,\"alpha\",1,1.5,true,\"2024-01-01T00:00:00.1234567Z\",\"1.01:01:01.0010001\","
                        + "\"74be27de-1e4e-49d9-b579-fe0b331d3642\",{\"k\":[1,2]},\"1.50\"]",
                rows.get(0));
        assertEquals(
                "[2,\"Beta\",2,\"NaN\",false,\"2024-01-02T00:00:00Z\",\"-00:00:02\",null,\"text\",null]", rows.get(1));
        assertEquals("[3,\"\",null,\"Infinity\",null,null,null,null,null,null]", rows.get(2));
        assertEquals(4, rows.size());
    }

    @Test
    void countTakeLimit() {
        assertEquals(List.of("[4]"), ids("Logs | count"));
        assertEquals("Count", columnNames(query("Logs | count")).get(0));
        assertEquals("long", columnTypes(query("Logs | count")).get(0));
        assertEquals(List.of("[1]", "[2]"), ids("Logs | take 2 | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | limit 1 | project Id"));
        assertEquals(List.of("[0]"), ids("Logs | take 0 | count"));
    }

    @Test
    void whereComparisons() {
        assertEquals(List.of("[2]", "[4]"), ids("Logs | where Level == 2 | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where Level != 2 | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where Level <> 2 | project Id"));
        assertEquals(List.of("[3]", "[4]"), ids("Logs | where Id > 2 | project Id"));
        assertEquals(List.of("[1]", "[2]"), ids("Logs | where Id <= 2 | project Id"));
        assertEquals(List.of("[2]", "[3]", "[4]"), ids("Logs | where Id >= 2 | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where Id < 2.5 and Score > 1 | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where Name == 'Beta' | project Id"));
        assertEquals(List.of("[2]", "[4]"), ids("Logs | where Name =~ 'BETA' | project Id"));
        assertEquals(List.of("[1]", "[3]"), ids("Logs | where Name !~ 'beta' | project Id"));
        assertEquals(List.of("[1]", "[4]"), ids("Logs | where Ok == true | project Id"));
        assertEquals(List.of("[1]", "[2]", "[4]"), ids("Logs | where Id == 1 or Level == 2 | project Id"));
        assertEquals(List.of("[2]", "[3]", "[4]"), ids("Logs | where not(Id == 1) | project Id"));
    }

    @Test
    void whereTypedLiterals() {
        assertEquals(List.of("[2]"), ids("Logs | where At > datetime(2024-01-01 00:00:01) | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where At == datetime(2024-01-01T00:00:00.1234567Z) | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where Took > 1d | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where Took < -1s | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where Took == timespan(-0.00:00:02) | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where Took == timespan(-00:00:02) | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where Took == timespan(1.01:01:01.0010001) | project Id"));
        assertEquals(
                List.of("[1]"),
                ids("Logs | where Took > time(1.01:01:01) and Took < timespan(1.01:02)" + " | project Id"));
        assertEquals(List.of("[4]"), ids("Logs | where Took == timespan(00:00) | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where G == guid(74be27de-1e4e-49d9-b579-fe0b331d3642) | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where Amount > decimal(1.4) | project Id"));
        assertEquals(List.of("[4]"), ids("Logs | where Amount < 0 | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where D == 'text' | project Id"));
        assertEquals(List.of("[4]"), ids("Logs | where D == 7 | project Id"));
        assertEquals(
                List.of("[]"),
                List.of(ids("Logs | where Level == int(null) | project Id").toString()));
        assertEquals(List.of("[3]"), ids("Logs | where Score == real(+inf) | project Id"));
        assertEquals(List.of("[4]"), ids("Logs | where Score == real(-3) | project Id"));
        assertEquals(List.of("[1]", "[4]"), ids("Logs | where Ok == bool(true) | project Id"));
        assertEquals(List.of("[3]", "[4]"), ids("Logs | where Id >= long(3) | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where At == date(2024-01-02) | project Id"));
        assertEquals(List.of("[4]"), ids("Logs | where Took == time(0) | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where D == dynamic(\"text\") | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where G == uuid(74BE27DE1E4E49D9B579FE0B331D3642) | project Id"));
    }

    @Test
    void stringOperatorsAndIn() {
        assertEquals(List.of("[2]", "[4]"), ids("Logs | where Name contains 'ET' | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where Name contains_cs 'Be' | project Id"));
        assertEquals(List.of("[1]", "[3]"), ids("Logs | where Name !contains 'et' | project Id"));
        assertEquals(List.of("[2]", "[4]"), ids("Logs | where Name startswith 'b' | project Id"));
        assertEquals(List.of("[1]", "[2]", "[4]"), ids("Logs | where Name endswith 'A' | project Id"));
        assertEquals(List.of("[2]", "[4]"), ids("Logs | where Name has 'BETA' | project Id"));
        assertEquals(List.of(), ids("Logs | where Name has 'bet' | project Id"));
        assertEquals(List.of("[1]", "[3]"), ids("Logs | where Id in (1, 3, 7) | project Id"));
        assertEquals(List.of("[2]", "[4]"), ids("Logs | where Id !in (1, 3) | project Id"));
        assertEquals(List.of("[1]", "[2]"), ids("Logs | where Name in ('alpha', 'Beta') | project Id"));
        assertEquals(List.of("[3]"), ids("Logs | where Level !in (1, 2) | project Id"));
        fails("General_BadRequest", () -> query("Logs | where Id contains '1'"));
        fails("General_BadRequest", () -> query("Logs | where Id in ('1')"));
    }

    @Test
    void dynamicPropertiesAndIndexes() {
        assertEquals(List.of("[1]"), ids("Logs | where D.k[1] == 2 | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where D['k'][-1] == 2 | project Id"));
        assertEquals(List.of("[1]"), ids("Logs | where isnotnull(D.k) | project Id"));
        assertEquals(List.of("[2]", "[3]", "[4]"), ids("Logs | where isnull(D[\"k\"]) | project Id"));
        JsonNode t = query("Logs | take 1 | project D.k[0], first = D.k[0]");
        assertEquals(List.of("D_k_0", "first"), columnNames(t));
        assertEquals(List.of("dynamic", "dynamic"), columnTypes(t));
        assertEquals(List.of("[1,1]"), rows(t));
        fails("General_BadRequest", () -> query("Logs | where Name.k == 1"));
    }

    @Test
    void nullAndEmptyFunctions() {
        assertEquals(List.of("[3]"), ids("Logs | where isnull(Level) | project Id"));
        assertEquals(List.of("[1]", "[2]", "[4]"), ids("Logs | where isnotnull(At) | project Id"));
        assertEquals(List.of("[3]"), ids("Logs | where isempty(Name) | project Id"));
        assertEquals(List.of("[1]", "[2]", "[4]"), ids("Logs | where isnotempty(Name) | project Id"));
        assertEquals(List.of(), ids("Logs | where isnull(Name) | project Id"));
        assertEquals(List.of("[2]", "[3]", "[4]"), ids("Logs | where isnull(G) | project Id"));
        // A comparison with null is null, so neither == nor != keeps row 3.
        assertEquals(List.of("[1]"), ids("Logs | where Level != 2 | project Id"));
    }

    @Test
    void projectRenamesAndOrders() {
        JsonNode t = query("Logs | project N = Name, Id | take 1");
        assertEquals(List.of("N", "Id"), columnNames(t));
        assertEquals(List.of("[\"alpha\",1]"), rows(t));
        assertEquals(List.of("[1,true]"), ids("Logs | project Id, Big = Id > 0 | take 1"));
    }

    @Test
    void orderBySortByDefaultsAndNulls() {
        assertEquals(List.of("[4]", "[3]", "[2]", "[1]"), ids("Logs | order by Id | project Id"));
        assertEquals(List.of("[1]", "[2]", "[3]", "[4]"), ids("Logs | sort by Id asc | project Id"));
        assertEquals(List.of("[3]", "[1]", "[2]", "[4]"), ids("Logs | order by Level asc | project Id"));
        assertEquals(List.of("[2]", "[4]", "[1]", "[3]"), ids("Logs | order by Level desc | project Id"));
        assertEquals(
                List.of("[3]", "[2]", "[4]", "[1]"),
                ids("Logs | order by Level desc nulls first, Id asc" + " | project Id"));
        assertEquals(List.of("[4]", "[1]", "[2]"), ids("Logs | where isnotnull(At) | order by At asc | project Id"));
        assertEquals(List.of("[2]", "[1]"), ids("Logs | top 2 by At | project Id"));
    }

    @Test
    void summarizeCount() {
        JsonNode t = query("Logs | summarize count() by Level");
        assertEquals(List.of("Level", "count_"), columnNames(t));
        assertEquals(List.of("int", "long"), columnTypes(t));
        assertEquals(List.of("[1,1]", "[2,2]", "[null,1]"), rows(t));
        assertEquals(List.of("[4]"), ids("Logs | summarize count()"));
        assertEquals(List.of("[0]"), ids("Logs | where Id > 100 | summarize count()"));
        assertEquals(List.of(), ids("Logs | where Id > 100 | summarize count() by Level"));
        JsonNode named = query("Logs | summarize n = count(), count() by L = Level, Ok | order by n desc");
        assertEquals(List.of("L", "Ok", "n", "count_"), columnNames(named));
        assertEquals("[2,false,1,1]", rows(named).get(1));
        assertEquals(List.of("[\"alpha\"]", "[\"Beta\"]", "[\"\"]", "[\"beta\"]"), ids("Logs | distinct Name"));
        assertEquals(List.of("[1]", "[2]", "[null]"), ids("Logs | distinct Level"));
    }

    @Test
    void otherAggregates() {
        JsonNode t = query("Logs | summarize max(Id), min(At), sum(Level), avg(Id), dcount(Name), countif(Ok),"
                + " s = sum(Took), total = sum(Amount)");
        assertEquals(
                List.of("max_Id", "min_At", "sum_Level", "avg_Id", "dcount_Name", "countif_", "s", "total"),
                columnNames(t));
        assertEquals(
                List.of("long", "datetime", "long", "real", "long", "long", "timespan", "decimal"), columnTypes(t));
        assertEquals(List.of("[4,\"2023-12-31T23:59:59Z\",5,2.5,4,2,\"1.01:00:59.0010001\",\"-0.50\"]"), rows(t));
        assertEquals(
                List.of("[1,1.5,1.5]", "[2,-3.0,-3.0]", "[null,\"Infinity\",\"Infinity\"]"),
                ids("Logs | summarize max(Score), min(Score) by Level | order by Level asc nulls last"));
        assertEquals(List.of("[null,null,0]"), ids("Logs | where Id > 9 | summarize max(Id), avg(Score), dcount(Id)"));
        assertEquals(
                List.of("[\"1.5\",1]", "[\"-2\",1]"),
                ids("Logs | where isnotnull(Amount) | summarize count() by Amount"));
        fails("General_BadRequest", () -> query("Logs | summarize sum(Name)"));
        fails("General_BadRequest", () -> query("Logs | summarize countif(Id)"));
        fails("General_BadRequest", () -> query("Logs | summarize max(D)"));
        fails("BadRequest_SyntaxError", () -> query("Logs | summarize percentile(Id, 50)"));
    }

    @Test
    void extendNowAndAgo() {
        JsonNode t = query("Logs | extend Big = Id > 2, Name = 'x' | take 1");
        assertEquals(
                List.of("Id", "Level", "Score", "Ok", "At", "Took", "G", "D", "Amount", "Big", "Name"), columnNames(t));
        assertEquals(
                "[1,1,1.5,true,\"2024-01-01T00:00:00.1234567Z\",\"1.01:01:01.0010001\","
                        + "\"74be27de-1e4e-49d9-b579-fe0b331d3642\",{\"k\":[1,2]},\"1.50\",false,\"x\"]",
                rows(t).get(0));
        // Every test row is in the past and after 2020.
        assertEquals(List.of("[3]"), ids("Logs | where At < now() | count"));
        assertEquals(List.of("[0]"), ids("Logs | where At > ago(1d) | count"));
        assertEquals(List.of("[3]"), ids("Logs | where At > ago(36500d) | count"));
        fails("General_BadRequest", () -> query("Logs | where At > ago(1)"));
    }

    @Test
    void conversionFunctions() {
        assertEquals(List.of("[1]"), ids("Logs | where tostring(D.k) == '[1,2]' | project Id"));
        assertEquals(List.of("[2]"), ids("Logs | where tostring(D) == 'text' | project Id"));
        assertEquals(List.of("[4]"), ids("Logs | where toint(D) == 7 | project Id"));
        assertEquals(
                List.of("[\"1\",1,1.5,\"1.5\",true,null]"),
                ids("Logs | take 1 | project tostring(Id), tolong('1'), todouble(Score), todecimal('1.5'),"
                        + " tobool(1), toint('x')"));
        assertEquals(
                List.of("[\"2024-01-01T00:00:00Z\",\"00:00:02\",\"74be27de-1e4e-49d9-b579-fe0b331d3642\"]"),
                ids("Logs | take 1 | project todatetime('2024-01-01'), totimespan('00:00:02'), toguid(tostring(G))"));
        JsonNode t = query("Logs | take 1 | project tostring(Id), n = toint(Level), tostring(Name)");
        assertEquals(List.of("Column1", "n", "Column2"), columnNames(t));
        assertEquals(List.of("string", "int", "string"), columnTypes(t));
        assertEquals(List.of("[\"\"]"), ids("Logs | where Id == 3 | project tostring(Level)"));
    }

    @Test
    void binGroupsByTimeAndNumber() {
        JsonNode t = query("Logs | where isnotnull(At) | summarize count() by bin(At, 1d) | order by At asc");
        assertEquals(List.of("At", "count_"), columnNames(t));
        assertEquals(
                List.of("[\"2023-12-31T00:00:00Z\",1]", "[\"2024-01-01T00:00:00Z\",1]", "[\"2024-01-02T00:00:00Z\",1]"),
                rows(t));
        assertEquals(
                List.of("[0,1]", "[2,2]", "[4,1]"), ids("Logs | summarize count() by b = bin(Id, 2) | order by b asc"));
        assertEquals(List.of("[\"1.00:00:00\"]"), ids("Logs | where Id == 1 | project bin(Took, 1d)"));
        assertEquals(List.of("[-3.0]"), ids("Logs | where Id == 4 | project floor(Score, 1.5)"));
        fails("General_BadRequest", () -> query("Logs | project bin(Name, 1)"));
        fails("General_BadRequest", () -> query("Logs | project bin(At)"));
    }

    @Test
    void getschema() {
        JsonNode t = query("Logs | project Id, At | getschema");
        assertEquals(List.of("ColumnName", "ColumnOrdinal", "DataType", "ColumnType"), columnNames(t));
        assertEquals(
                List.of("[\"Id\",0,\"System.Int64\",\"long\"]", "[\"At\",1,\"System.DateTime\",\"datetime\"]"),
                rows(t));
    }

    @Test
    void v1QueryHasTheFourTablesTheSdkExpects() throws Exception {
        JsonNode root = JSON.readTree(service.queryV1("Test", "Logs | take 1 | project Id, At", INFO));
        JsonNode tables = root.get("Tables");
        assertEquals(4, tables.size());
        assertEquals("Table_0", tables.get(0).get("TableName").asText());
        assertEquals(List.of("Id", "At"), columnNames(tables.get(0)));
        assertEquals(
                "Int64", tables.get(0).get("Columns").get(0).get("DataType").asText());
        assertEquals(
                "DateTime", tables.get(0).get("Columns").get(1).get("DataType").asText());
        assertEquals(
                "[[1,\"2024-01-01T00:00:00.1234567Z\"]]",
                tables.get(0).get("Rows").toString());
        JsonNode toc = tables.get(3);
        assertEquals(List.of("Ordinal", "Kind", "Name", "Id", "PrettyName"), columnNames(toc));
        assertEquals("QueryResult", toc.get("Rows").get(0).get(1).asText());
        assertEquals("PrimaryResult", toc.get("Rows").get(0).get(2).asText());
        assertEquals("QueryStatus", toc.get("Rows").get(2).get(1).asText());
        JsonNode status = tables.get(2);
        assertEquals("Test;crid-1", status.get("Rows").get(0).get(9).asText());
    }

    @Test
    void v2FramesInOrder() throws Exception {
        JsonNode frames = JSON.readTree(service.queryV2("Test", "Logs | count", INFO));
        assertEquals("DataSetHeader", frames.get(0).get("FrameType").asText());
        assertEquals("v2.0", frames.get(0).get("Version").asText());
        assertEquals("QueryProperties", frames.get(1).get("TableKind").asText());
        assertEquals("@ExtendedProperties", frames.get(1).get("TableName").asText());
        assertEquals("PrimaryResult", frames.get(2).get("TableKind").asText());
        assertEquals(1, frames.get(2).get("TableId").asInt());
        assertEquals("[[4]]", frames.get(2).get("Rows").toString());
        assertEquals(
                "QueryCompletionInformation", frames.get(3).get("TableKind").asText());
        assertEquals("Test;crid-1", frames.get(3).get("Rows").get(0).get(1).asText());
        assertEquals("DataSetCompletion", frames.get(4).get("FrameType").asText());
        assertEquals(false, frames.get(4).get("HasErrors").asBoolean());
        assertEquals(5, frames.size());
    }

    @Test
    void semanticErrorsAreGeneralBadRequest() {
        KustoError e = fails("General_BadRequest", () -> query("Nope | count"));
        assertTrue(e.atMessage().contains("'Nope'"), e.atMessage());
        e = fails("General_BadRequest", () -> query("Logs | where Missing == 1"));
        assertTrue(e.atMessage().contains("'Missing'"), e.atMessage());
        e = fails("General_BadRequest", () -> query("Logs | where Level == 'x'"));
        assertTrue(e.atMessage().contains("Cannot compare values of types int and string"), e.atMessage());
        fails("General_BadRequest", () -> query("Logs | where At > '2024-01-01'"));
        fails("General_BadRequest", () -> query("Logs | where Level"));
        fails("General_BadRequest", () -> query("Logs | where G < guid(74be27de-1e4e-49d9-b579-fe0b331d3642)"));
        fails("General_BadRequest", () -> query("Logs | where Level == 1 and Id"));
        fails("General_BadRequest", () -> query("Logs | where Level =~ 1"));
        fails("General_BadRequest", () -> query("Logs | project Id, Id"));
        fails("General_BadRequest", () -> query("Logs | project Id | where Name == 'a'"));
        fails("BadRequest_DatabaseNotExist", () -> service.queryV2("Nope", "Logs", INFO));
        fails("BadRequest_DatabaseNotSpecified", () -> service.queryV2(null, "Logs", INFO));
    }

    @Test
    void syntaxErrorsSayWhatIsSupported() {
        KustoError e = fails("BadRequest_SyntaxError", () -> query("Logs | mv-expand D"));
        assertTrue(e.atMessage().contains("summarize count()"), e.atMessage());
        e = fails("BadRequest_SyntaxError", () -> query("Logs | where strlen(Name) > 1"));
        assertTrue(e.atMessage().contains("Unsupported function 'strlen'"), e.atMessage());
        e = fails("BadRequest_SyntaxError", () -> query("Logs | where At > datetime(yesterday)"));
        assertTrue(e.atMessage().contains("Invalid datetime literal"), e.atMessage());
        fails("BadRequest_SyntaxError", () -> query("Logs | where Level == int(1.5)"));
        fails("BadRequest_SyntaxError", () -> service.queryV1("Test", "", INFO));
    }
}

package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.kql.Command.Scope;
import io.kustotyped.emulator.kql.Command.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void createDatabaseVolatileAndPersist() {
        assertEquals(
                new Command.CreateDatabase("Test", false, false),
                CommandParser.parse(".create database Test volatile"));
        assertEquals(
                new Command.CreateDatabase("My DB", true, true),
                CommandParser.parse(".create database ['My DB'] persist (@'c:\\md', @'c:\\data') ifnotexists"));
        assertEquals(new Command.CreateDatabase("D", true, false), CommandParser.parse(".create database D persist"));
    }

    @Test
    void createTableWithQuotedNamesAliasesAndProperties() {
        String text = ".create table ['Logs'] (['Time stamp']:datetime, [\"where\"]:int32, b:string)"
                + " with (docstring=\"the logs\", folder='ops')";
        Command c = CommandParser.parse(text);
        assertEquals(
                new Command.TableSchema(
                        Command.TableVerb.CREATE,
                        "Logs",
                        List.of(
                                new Command.ColumnSpec("Time stamp", "datetime", text.indexOf("['Time")),
                                new Command.ColumnSpec("where", "int32", text.indexOf("[\"where")),
                                new Command.ColumnSpec("b", "string", text.indexOf("b:"))),
                        "ops",
                        "the logs"),
                c);
    }

    @Test
    void createMergeAndAlterMergeTable() {
        Command.TableSchema c = (Command.TableSchema) CommandParser.parse(".create-merge table T (a:long)");
        assertEquals(Command.TableVerb.CREATE_MERGE, c.verb());
        assertNull(c.folder());
        c = (Command.TableSchema) CommandParser.parse(".alter-merge table T (a:long, b:dynamic) with (folder=\"f\")");
        assertEquals(Command.TableVerb.ALTER_MERGE, c.verb());
        assertEquals(2, c.columns().size());
        assertEquals("f", c.folder());
    }

    @Test
    void dropShowAndSchemaCommands() {
        assertEquals(new Command.DropTable("T", false), CommandParser.parse(".drop table T"));
        assertEquals(new Command.DropTable("T x", true), CommandParser.parse(".drop table ['T x'] ifexists"));
        assertEquals(new Command.ShowTables(), CommandParser.parse(".show tables"));
        assertEquals(new Command.ShowDatabases(), CommandParser.parse(".show databases"));
        assertEquals(new Command.DropDatabase("D", true), CommandParser.parse(".drop database D ifexists"));
        assertEquals(
                new Command.ShowTableSchema("T", Command.SchemaFormat.CSL),
                CommandParser.parse(".show table T cslschema"));
        assertEquals(
                new Command.ShowTableSchema("T", Command.SchemaFormat.JSON),
                CommandParser.parse(".show table T schema as json"));
        assertEquals(
                new Command.AlterTableProperties("T", null, "doc"),
                CommandParser.parse(".alter table T docstring 'doc'"));
    }

    @Test
    void mappingCommandsAcceptEveryStringLiteralForm() {
        String json = "[{\"column\":\"x-opt\",\"Properties\":{\"Path\":\"$['x-opt']\"}}]";
        Target t = new Target(Scope.TABLE, "T");
        Command.DefineMapping expected = new Command.DefineMapping(Command.MappingVerb.CREATE, t, "json", "M", json);
        assertEquals(
                expected,
                CommandParser.parse(".create table T ingestion json mapping \"M\" "
                        + "'[{\"column\":\"x-opt\",\"Properties\":{\"Path\":\"$[\\'x-opt\\']\"}}]'"));
        assertEquals(
                expected,
                CommandParser.parse(".create table T ingestion json mapping 'M' "
                        + "\"[{\\\"column\\\":\\\"x-opt\\\",\\\"Properties\\\":{\\\"Path\\\":\\\"$['x-opt']\\\"}}]\""));
        assertEquals(
                expected,
                CommandParser.parse(".create table T ingestion json mapping \"M\" "
                        + "@'[{\"column\":\"x-opt\",\"Properties\":{\"Path\":\"$[''x-opt'']\"}}]'"));
        assertEquals(expected, CommandParser.parse(".create table T ingestion Json mapping \"M\" ```" + json + "```"));
        assertEquals(
                expected,
                CommandParser.parse(".create table T ingestion json mapping \"M\"\n"
                        + "'[{\"column\":\"x-opt\",' \n '\"Properties\":{\"Path\":\"$[\\'x-opt\\']\"}}' ']'"));
        assertEquals(
                Command.MappingVerb.CREATE_OR_ALTER,
                ((Command.DefineMapping)
                                CommandParser.parse(".create-or-alter table T ingestion json mapping \"M\" '[]'"))
                        .verb());
        assertEquals(
                Command.MappingVerb.ALTER,
                ((Command.DefineMapping) CommandParser.parse(
                                ".alter table T ingestion json mapping \"M\" '[]' with (removeOldestIfRequired=false)"))
                        .verb());
        assertEquals(
                new Command.DefineMapping(
                        Command.MappingVerb.CREATE, new Target(Scope.DATABASE, "D"), "json", "M", "[]"),
                CommandParser.parse(".create database D ingestion json mapping \"M\" '[]'"));
    }

    @Test
    void showAndDropMappings() {
        Target t = new Target(Scope.TABLE, "T");
        assertEquals(
                new Command.ShowMappings(t, "json", null),
                CommandParser.parse(".show table T ingestion json mappings"));
        assertEquals(new Command.ShowMappings(t, null, null), CommandParser.parse(".show table T ingestion mappings"));
        assertEquals(
                new Command.ShowMappings(t, "json", "M"),
                CommandParser.parse(".show table T ingestion json mapping \"M\""));
        assertEquals(
                new Command.DropMapping(t, "json", "M"),
                CommandParser.parse(".drop table T ingestion json mapping 'M'"));
        assertEquals(
                new Command.ShowMappings(new Target(Scope.DATABASE, "D"), "json", null),
                CommandParser.parse(".show database D ingestion json mappings"));
    }

    @Test
    void streamingPolicyCommands() {
        Target table = new Target(Scope.TABLE, "T");
        Target db = new Target(Scope.DATABASE, "D");
        assertEquals(
                new Command.AlterStreamingPolicy(table, false, true, null),
                CommandParser.parse(".alter table T policy streamingingestion enable"));
        assertEquals(
                new Command.AlterStreamingPolicy(db, false, false, null),
                CommandParser.parse(".alter database D policy streamingingestion disable"));
        assertEquals(
                new Command.AlterStreamingPolicy(table, false, null, "{\"IsEnabled\": true}"),
                CommandParser.parse(".alter table T policy streamingingestion '{\"IsEnabled\": true}'"));
        assertEquals(
                new Command.AlterStreamingPolicy(db, true, null, "{\"HintAllocatedRate\": 2.1}"),
                CommandParser.parse(
                        ".alter-merge database D policy streamingingestion '{\"HintAllocatedRate\": 2.1}'"));
        assertEquals(
                new Command.DeleteStreamingPolicy(table),
                CommandParser.parse(".delete table T policy streamingingestion"));
        assertEquals(
                new Command.ShowStreamingPolicy(table), CommandParser.parse(".show table T policy streamingingestion"));
        assertEquals(
                new Command.ShowStreamingPolicy(new Target(Scope.DATABASE, null)),
                CommandParser.parse(".show database policy streamingingestion"));
    }

    @Test
    void clearCacheCommands() {
        assertEquals(
                new Command.ClearSchemaCache(new Target(Scope.TABLE, "T")),
                CommandParser.parse(".clear table T cache streamingingestion schema"));
        assertEquals(
                new Command.ClearSchemaCache(new Target(Scope.DATABASE, null)),
                CommandParser.parse(".clear database cache streamingingestion schema"));
    }

    @Test
    void keywordsOfCommandsAreCaseInsensitive() {
        assertEquals(new Command.ShowTables(), CommandParser.parse(".SHOW TABLES"));
    }

    @Test
    void unsupportedCommandsListWhatIsSupported() {
        for (String text : new String[] {
            ".show cluster",
            ".set-or-append T <| print 1",
            ".create function f() {1}",
            ".alter table T (a:int)",
            ".alter table T policy retention '{}'",
            ".show table T extents",
            ".create tables A (a:int), B (b:int)"
        }) {
            KqlSyntaxException e = assertThrows(KqlSyntaxException.class, () -> CommandParser.parse(text), text);
            assertTrue(
                    e.getMessage().contains(".show tables") || e.getMessage().contains("streamingingestion"),
                    text + " -> " + e.getMessage());
        }
    }

    @Test
    void malformedCommandsNameWhatIsWrong() {
        KqlSyntaxException e =
                assertThrows(KqlSyntaxException.class, () -> CommandParser.parse(".create table T (a string)"));
        assertTrue(e.getMessage().contains("Expected ':'"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> CommandParser.parse(".create table T (a:string) extra"));
        assertTrue(e.getMessage().contains("Unexpected 'extra'"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> CommandParser.parse(".create database D"));
        assertTrue(e.getMessage().contains("'volatile' or 'persist'"), e.getMessage());
        e = assertThrows(
                KqlSyntaxException.class, () -> CommandParser.parse(".create table T (a:int) with (owner='x')"));
        assertTrue(e.getMessage().contains("Unknown table property 'owner'"), e.getMessage());
        e = assertThrows(KqlSyntaxException.class, () -> CommandParser.parse("T | count"));
        assertTrue(e.getMessage().contains("/v1/rest/query"), e.getMessage());
        e = assertThrows(
                KqlSyntaxException.class, () -> CommandParser.parse(".create table T ingestion json mapping \"M\""));
        assertTrue(e.getMessage().contains("mapping JSON"), e.getMessage());
    }
}

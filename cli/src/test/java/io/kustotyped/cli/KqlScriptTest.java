package io.kustotyped.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.runtime.ColumnDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class KqlScriptTest {

    @Test
    void readsQuotedNamesAndEscapedMappingJson() {
        KqlScript s = KqlScript.parse("t.kql", """
                // generated
                .create-merge table ["it's a table"] (['col one']:string, ['back\\\\slash']:long, plain:dynamic) with (folder="f")

                .create-or-alter table ["it's a table"] ingestion json mapping "m\\"1" '[{"column":"col one","Properties":{"Path":"$[\\'col one\\']"}}]'

                .alter table ["it's a table"] policy streamingingestion enable
                """);
        assertEquals("it's a table", s.table());
        assertEquals(
                List.of(
                        new ColumnDescriptor("col one", "string"),
                        new ColumnDescriptor("back\\slash", "long"),
                        new ColumnDescriptor("plain", "dynamic")),
                s.columns());
        assertEquals("m\"1", s.mappingName());
        assertEquals("[{\"column\":\"col one\",\"Properties\":{\"Path\":\"$['col one']\"}}]", s.mappingJson());
        assertTrue(s.enablesStreaming());
        assertEquals(3, s.commands().size());
        assertEquals(0, s.tableCommandIndex());
    }

    @Test
    void readsTheMappingJsonFromAMultiLineLiteralAsItIs() {
        // The form the processor generates: the JSON between ``` and ```, nothing escaped.
        KqlScript s = KqlScript.parse(
                "m.kql",
                ".create-or-alter table ['T'] ingestion json mapping \"T_1\" "
                        + "```[{\"column\":\"a b\",\"Properties\":{\"Path\":\"$['a b']\"}}]```");
        assertEquals("T_1", s.mappingName());
        assertEquals("[{\"column\":\"a b\",\"Properties\":{\"Path\":\"$['a b']\"}}]", s.mappingJson());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> KqlScript.parse("m.kql", ".create-or-alter table T ingestion json mapping \"m\" ```[{}]"));
        assertTrue(e.getMessage().contains("unterminated ``` string literal"), e.getMessage());
    }

    @Test
    void aDisablingPolicyDoesNotCountAsEnabling() {
        assertFalse(KqlScript.parse("t.kql", ".alter table T policy streamingingestion disable")
                .enablesStreaming());
    }

    @Test
    void malformedCommandsNameTheScriptAndCommand() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> KqlScript.parse(
                        "x.kql",
                        ".create-merge table T (a:string\n\n"
                                + ".create-or-alter table T ingestion json mapping \"m\" '[unterminated"));
        assertTrue(e.getMessage().startsWith("x.kql, command 1: "), e.getMessage());
    }

    @Test
    void unicodeEscapesAreDecoded() {
        KqlScript s = KqlScript.parse("u.kql", ".create-or-alter table T ingestion json mapping \"m\\u0001\" '[]'");
        assertEquals("m\u0001", s.mappingName());
    }
}

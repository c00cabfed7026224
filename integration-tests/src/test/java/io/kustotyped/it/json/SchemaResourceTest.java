package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.runtime.ColumnDescriptor;
import io.kustotyped.runtime.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated schema classes and script resources agree with each other and with the writer: the script on the
 * class path holds exactly the {@code COMMANDS}, and the mapping covers exactly the columns.
 */
class SchemaResourceTest {

    static Stream<TableSchema> tables() {
        return Stream.of(
                ScalarRowKustoSchema.INSTANCE,
                TimeRowKustoSchema.INSTANCE,
                DynamicRowKustoSchema.INSTANCE,
                OptionalRowKustoSchema.INSTANCE,
                BeanRows_EventKustoSchema.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void scriptResourceHoldsTheCommandsInOrder(TableSchema table) throws IOException {
        String resource = "META-INF/kusto/" + table.tableName().replace(" ", "%20") + ".kql";
        String script;
        try (InputStream in = SchemaResourceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "on the class path: " + resource);
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(table.schemaCommands(), List.of(script.strip().split("\n\n")));
        assertEquals(3, table.schemaCommands().size());
        assertTrue(table.schemaCommands().get(0).startsWith(".create-merge table ['" + table.tableName() + "'] ("));
        assertTrue(table.schemaCommands().get(1).contains(" ingestion json mapping \"" + table.mappingName() + "\" "));
        assertEquals(
                ".alter table ['" + table.tableName() + "'] policy streamingingestion enable",
                table.schemaCommands().get(2));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void mappingCoversEveryColumnWithItsType(TableSchema table) {
        var mapping = Json.parse(table.mappingJson());
        assertEquals(table.columns().size(), mapping.size());
        for (int i = 0; i < mapping.size(); i++) {
            ColumnDescriptor column = table.columns().get(i);
            assertEquals(column.name(), mapping.get(i).get("column").textValue());
            assertEquals(column.kustoType(), mapping.get(i).get("datatype").textValue());
            assertEquals(
                    "$['" + column.name() + "']",
                    mapping.get(i).get("Properties").get("Path").textValue());
        }
        assertTrue(table.mappingName().matches(java.util.regex.Pattern.quote(table.tableName()) + "_[0-9a-f]{8}"));
    }
}

package io.kustotyped.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XKustoSchema}: the table's DDL and mapping as constants, and its {@code TableDescriptor}
 * ({@code XKustoSchema.INSTANCE}) for the runtime.
 */
public final class SchemaGenerator extends GeneratedClass {

    static final ClassName TABLE_DESCRIPTOR = ClassName.get("io.kustotyped.runtime", "TableDescriptor");
    static final ClassName COLUMN_DESCRIPTOR = ClassName.get("io.kustotyped.runtime", "ColumnDescriptor");
    static final ClassName JSON_ROW_WRITER = JsonWriterGenerator.JSON_ROW_WRITER;

    private final DdlBuilder ddl;
    private final ClassName writer;

    public SchemaGenerator(TableModel table, DdlBuilder ddl) {
        super(table, GeneratedNames.SCHEMA_SUFFIX);
        this.ddl = ddl;
        this.writer = GeneratedNames.generated(table.rowType(), GeneratedNames.WRITER_SUFFIX);
    }

    @Override
    TypeSpec build(TypeSpec.Builder type) {
        TypeName rowType = table.rowType();
        TypeName stringList = ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));
        TypeName columnList = ParameterizedTypeName.get(ClassName.get(List.class), COLUMN_DESCRIPTOR);
        CodeBlock.Builder columns =
                CodeBlock.builder().add("$T.of(", List.class).indent();
        List<ColumnModel> models = table.columns();
        for (int i = 0; i < models.size(); i++) {
            columns.add(
                    "\nnew $T($S, $S)$L",
                    COLUMN_DESCRIPTOR,
                    models.get(i).columnName(),
                    models.get(i).kustoType().kqlName(),
                    i + 1 < models.size() ? "," : "");
        }
        columns.unindent().add(")");

        type.addJavadoc(
                        "The Kusto table {@code $L} that {@link $T} rows go to: its management commands and "
                                + "JSON\ningestion mapping as constants, and its {@link $T} as {@link #INSTANCE}.\n",
                        table.tableName(),
                        rowType,
                        TABLE_DESCRIPTOR)
                .addSuperinterface(ParameterizedTypeName.get(TABLE_DESCRIPTOR, rowType))
                .addField(constant("TABLE_NAME", table.tableName(), "The table name (case-sensitive)."))
                .addField(constant("MAPPING_NAME", ddl.mappingName(), "The name of the JSON ingestion mapping."))
                .addField(constant(
                        "MAPPING_JSON",
                        ddl.mappingJson(),
                        "The JSON ingestion mapping, in the {@code Properties} form."))
                .addField(constant(
                        "CREATE_TABLE", ddl.createTable(), "Creates the table, or adds missing columns to it."))
                .addField(FieldSpec.builder(
                                String.class, "CREATE_MAPPING", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc(
                                "Creates or replaces the table's JSON ingestion mapping {@link #MAPPING_NAME}, with "
                                        + "{@link #MAPPING_JSON}\nin a multi-line string literal (which escapes "
                                        + "nothing).\n")
                        .initializer("$S + MAPPING_JSON + $S", ddl.createMappingPrefix(), Quoting.KQL_MULTI_LINE)
                        .build())
                .addField(constant(
                        "ENABLE_STREAMING", ddl.enableStreaming(), "Enables streaming ingestion on the table."))
                .addField(constant(
                        "SCRIPT_RESOURCE",
                        GeneratedNames.scriptResource(table.tableName()),
                        "The class-path resource holding {@link #COMMANDS} as a script, one command per "
                                + "blank-line-separated block."))
                .addField(FieldSpec.builder(stringList, "COMMANDS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The management commands that set the table up, in the order to apply them.\n")
                        .initializer("$T.of(CREATE_TABLE, CREATE_MAPPING, ENABLE_STREAMING)", List.class)
                        .build())
                .addField(FieldSpec.builder(columnList, "COLUMNS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(columns.build())
                        .build())
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The descriptor of the table.\n")
                        .initializer("new $T()", self)
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(override("rowType", ParameterizedTypeName.get(ClassName.get(Class.class), rowType))
                        .addStatement("return $T.class", rowType)
                        .build())
                .addMethod(override("tableName", ClassName.get(String.class))
                        .addStatement("return TABLE_NAME")
                        .build());
        MethodSpec.Builder database = override(
                "defaultDatabase",
                ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(String.class)));
        if (table.database().isPresent()) {
            database.addStatement(
                    "return $T.of($S)", Optional.class, table.database().get());
        } else {
            database.addStatement("return $T.empty()", Optional.class);
        }
        type.addMethod(database.build())
                .addMethod(override("mappingName", ClassName.get(String.class))
                        .addStatement("return MAPPING_NAME")
                        .build())
                .addMethod(override("columns", columnList)
                        .addStatement("return COLUMNS")
                        .build())
                .addMethod(override("mappingJson", ClassName.get(String.class))
                        .addStatement("return MAPPING_JSON")
                        .build())
                .addMethod(override("schemaCommands", stringList)
                        .addStatement("return COMMANDS")
                        .build())
                .addMethod(override("writer", ParameterizedTypeName.get(JSON_ROW_WRITER, rowType))
                        .addStatement("return $T.INSTANCE", writer)
                        .build())
                .addMethod(override("toString", ClassName.get(String.class))
                        .addStatement("return $S", self.simpleName() + "[table " + table.tableName() + "]")
                        .build());
        return type.build();
    }

    private static FieldSpec constant(String name, String value, String javadoc) {
        return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer("$S", value)
                .build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }
}

package io.kustotyped.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.Creator;
import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import java.io.IOException;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XRowReader}: reads query result rows into {@code X} straight from the response's JSON parser, cell
 * by cell, through {@code JsonValues}, and creates each instance through the canonical constructor (records) or the
 * no-argument constructor and setters or fields (classes), with one private static method per structure inside
 * dynamic columns ({@link ValueReaders} generates those and each value's expression). No reflection. Only generated
 * for a table {@code ReadRules} found readable.
 */
public final class RowReaderGenerator extends GeneratedClass {

    static final ClassName ROW_READER = ClassName.get("io.kustotyped.runtime", "RowReader");
    private static final ClassName DECODER = ROW_READER.nestedClass("Decoder");
    private static final ClassName RESULT_COLUMN = ClassName.get("io.kustotyped.runtime", "KustoResultTable", "Column");
    private static final ClassName ROW_COLUMNS = ClassName.get("io.kustotyped.runtime.read", "RowColumns");
    private static final ClassName ROW_CURSOR = ClassName.get("io.kustotyped.runtime.read", "RowCursor");
    private final ValueReaders values =
            new ValueReaders(List.of("INSTANCE", "COLUMNS", "rowType", "bind", "read", "toString"));

    public RowReaderGenerator(TableModel table) {
        super(table, GeneratedNames.READER_SUFFIX);
    }

    @Override
    TypeSpec build(TypeSpec.Builder type) {
        CodeBlock.Builder columns = CodeBlock.builder().add("$T.of($T.class)", ROW_COLUMNS, table.rowType());
        columns.indent().indent();
        for (ColumnModel column : table.columns()) {
            columns.add(
                    "\n.column($S, $S)", column.columnName(), column.kustoType().kqlName());
        }
        columns.unindent().unindent();

        type.addJavadoc(
                        "Reads query results into {@link $T} rows: columns by name as table {@code $L} names them,"
                                + " straight\nfrom the response JSON. A missing column leaves its property at its"
                                + " default, an extra column is\nignored, a column of another Kusto type is an error."
                                + " Stateless and thread-safe: use {@link #INSTANCE}.\n",
                        table.rowType(),
                        table.tableName())
                .addSuperinterface(ParameterizedTypeName.get(ROW_READER, table.rowType()))
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The reader; it holds no state.\n")
                        .initializer("new $T()", self)
                        .build())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(ROW_COLUMNS, table.rowType()),
                                "COLUMNS",
                                Modifier.PRIVATE,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer(columns.build())
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(MethodSpec.methodBuilder("rowType")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), table.rowType()))
                        .addStatement("return $T.class", table.rowType())
                        .build())
                .addMethod(MethodSpec.methodBuilder("bind")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(DECODER, table.rowType()))
                        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), RESULT_COLUMN), "columns")
                        .addStatement("return COLUMNS.bind(columns, $T::read)", self)
                        .build())
                .addMethod(readRow());
        values.helpers().forEach(type::addMethod);
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S", self.simpleName() + "[table " + table.tableName() + "]")
                .build());
        return type.build();
    }

    /** {@code read(RowCursor)}: the cells of one row, by property index, into a new instance. */
    private MethodSpec readRow() {
        NameAllocator locals = new NameAllocator();
        locals.newName("cells");
        locals.newName("p");
        CodeBlock.Builder code = CodeBlock.builder().addStatement("$T p = cells.parser()", ValueReaders.JSON_PARSER);
        List<ColumnModel> columns = table.columns();
        String[] targets = new String[columns.size()];
        String instance = null;
        if (table.creator() instanceof Creator.Bean) {
            instance = locals.newName("row");
            code.addStatement("$T $N = new $T()", table.rowType(), instance, table.rowType());
        } else {
            for (int i = 0; i < columns.size(); i++) {
                ColumnModel column = columns.get(i);
                targets[i] = locals.newName(column.propertyName());
                code.addStatement(
                        "$T $N = $L",
                        column.valueType().javaType(),
                        targets[i],
                        defaultValue(column.valueType().javaType()));
            }
        }
        code.beginControlFlow("while (cells.next())").beginControlFlow("switch (cells.property())");
        for (int i = 0; i < columns.size(); i++) {
            ColumnModel column = columns.get(i);
            CodeBlock value = values.value(
                    column.valueType(), CodeBlock.of("p"), CodeBlock.of("cells.dynamic()"), column.transform());
            if (table.creator() instanceof Creator.Bean bean) {
                code.addStatement("case $L -> $L", i, assign(bean.writer(column.propertyName()), instance, value));
            } else {
                code.addStatement("case $L -> $N = $L", i, targets[i], value);
            }
        }
        code.addStatement("default -> cells.skip()").endControlFlow().endControlFlow();
        if (table.creator() instanceof Creator.Canonical canonical) {
            code.addStatement("return new $T($L)", table.rowType(), arguments(canonical, name -> {
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).propertyName().equals(name)) {
                        return targets[i];
                    }
                }
                throw new IllegalStateException("no column for record component " + name);
            }));
        } else {
            code.addStatement("return $N", instance);
        }
        return MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(table.rowType())
                .addParameter(ROW_CURSOR, "cells")
                .addException(IOException.class)
                .addCode(code.build())
                .build();
    }

    /** {@code target.setX(value)} or {@code target.x = value}. */
    static CodeBlock assign(Creator.Writer writer, String target, CodeBlock value) {
        return writer.setter()
                ? CodeBlock.of("$N.$N($L)", target, writer.member(), value)
                : CodeBlock.of("$N.$N = $L", target, writer.member(), value);
    }

    /** The canonical constructor's arguments: each property's local, or the default of a component left out. */
    static CodeBlock arguments(Creator.Canonical canonical, java.util.function.Function<String, String> local) {
        CodeBlock.Builder args = CodeBlock.builder();
        boolean first = true;
        for (Creator.Argument argument : canonical.arguments()) {
            if (!first) {
                args.add(",$W");
            }
            first = false;
            if (argument.property() != null) {
                args.add("$N", local.apply(argument.property()));
            } else {
                args.add("$L", defaultValue(argument.type()));
            }
        }
        return args.build();
    }

    /** What a property holds when no column fills it: zero, false, an empty optional, or null. */
    static CodeBlock defaultValue(TypeName type) {
        if (type.isPrimitive()) {
            if (type.equals(TypeName.BOOLEAN)) {
                return CodeBlock.of("false");
            }
            if (type.equals(TypeName.LONG)) {
                return CodeBlock.of("0L");
            }
            if (type.equals(TypeName.FLOAT)) {
                return CodeBlock.of("0.0f");
            }
            if (type.equals(TypeName.DOUBLE)) {
                return CodeBlock.of("0.0");
            }
            if (type.equals(TypeName.CHAR)) {
                return CodeBlock.of("'\\0'");
            }
            return CodeBlock.of("0");
        }
        TypeName raw = type instanceof ParameterizedTypeName p ? p.rawType() : type;
        if (raw instanceof ClassName c
                && c.packageName().equals("java.util")
                && List.of("Optional", "OptionalInt", "OptionalLong", "OptionalDouble")
                        .contains(c.simpleName())) {
            return CodeBlock.of("$T.empty()", c);
        }
        return CodeBlock.of("null");
    }
}

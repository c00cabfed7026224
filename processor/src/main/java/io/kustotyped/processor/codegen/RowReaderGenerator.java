package io.kustotyped.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.Creator;
import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.ScalarKind;
import io.kustotyped.processor.model.TableModel;
import io.kustotyped.processor.model.ValueType;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XRowReader}: reads query result rows into {@code X} straight from the response's JSON parser, cell
 * by cell, through {@code JsonValues}, and creates each instance through the canonical constructor (records) or the
 * no-argument constructor and setters or fields (classes), with one private static method per structure inside
 * dynamic columns. No reflection. Only generated for a table {@code ReadRules} found readable.
 */
public final class RowReaderGenerator extends GeneratedClass {

    static final ClassName ROW_READER = ClassName.get("io.kustotyped.runtime", "RowReader");
    private static final ClassName DECODER = ROW_READER.nestedClass("Decoder");
    private static final ClassName RESULT_COLUMN = ClassName.get("io.kustotyped.runtime", "KustoResultTable", "Column");
    private static final ClassName ROW_COLUMNS = ClassName.get("io.kustotyped.runtime.read", "RowColumns");
    private static final ClassName ROW_CURSOR = ClassName.get("io.kustotyped.runtime.read", "RowCursor");
    private static final ClassName VALUES = ClassName.get("io.kustotyped.runtime.read", "JsonValues");
    private static final ClassName SCALARS = ClassName.get("io.kustotyped.runtime.json", "KustoScalars");
    private static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");

    private final NameAllocator classNames = new NameAllocator();
    private final Map<ValueType, String> helperNames = new HashMap<>();
    private final Map<String, MethodSpec> helpers = new LinkedHashMap<>();

    public RowReaderGenerator(TableModel table) {
        super(table, GeneratedNames.READER_SUFFIX);
        for (String reserved : List.of("INSTANCE", "COLUMNS", "rowType", "bind", "read", "toString")) {
            classNames.newName(reserved);
        }
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
        helpers.values().forEach(type::addMethod);
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
        CodeBlock.Builder code = CodeBlock.builder().addStatement("$T p = cells.parser()", JSON_PARSER);
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
            CodeBlock value =
                    value(column.valueType(), CodeBlock.of("p"), CodeBlock.of("cells.dynamic()"), column.transform());
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
    private static CodeBlock assign(Creator.Writer writer, String target, CodeBlock value) {
        return writer.setter()
                ? CodeBlock.of("$N.$N($L)", target, writer.member(), value)
                : CodeBlock.of("$N.$N = $L", target, writer.member(), value);
    }

    /** The canonical constructor's arguments: each property's local, or the default of a component left out. */
    private static CodeBlock arguments(Creator.Canonical canonical, java.util.function.Function<String, String> local) {
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
    private static CodeBlock defaultValue(TypeName type) {
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

    /**
     * The expression reading a value of {@code type}.
     *
     * @param p the parser, on the value's token
     * @param structure the expression giving the parser for a structure (at the top level {@code cells.dynamic()}),
     *     which may differ from {@code p} when a cell holds its dynamic value as JSON text
     * @param transform the column's transformation; only a top-level numeric property has one
     */
    private CodeBlock value(ValueType type, CodeBlock p, CodeBlock structure, KustoTransform transform) {
        if (type instanceof ValueType.Scalar scalar) {
            return scalar(scalar, p, transform);
        }
        if (type instanceof ValueType.OptionalOf optional) {
            // A string column has no null: an empty Optional<String> was stored, and comes back, as "".
            CodeBlock element = optional.element() instanceof ValueType.Scalar s
                            && s.kind() == ScalarKind.STRING
                            && structure.toString().equals("cells.dynamic()")
                    ? CodeBlock.of("$T.nonEmptyString($L)", VALUES, p)
                    : value(optional.element(), p, structure, transform);
            return CodeBlock.of(
                    "$T.isNull($L)$W? $T.empty()$W: $T.ofNullable($L)", VALUES, p, OPTIONAL, OPTIONAL, element);
        }
        if (type instanceof ValueType.OptionalPrimitive optional) {
            ClassName raw = (ClassName) optional.javaType();
            CodeBlock inner = switch (optional.kind()) {
                case INT ->
                    transform == KustoTransform.NONE
                            ? CodeBlock.of("$T.intValue($L)", VALUES, p)
                            : CodeBlock.of(
                                    "$T.toIntExact($T.unixTime($L, $LL))",
                                    Math.class,
                                    VALUES,
                                    p,
                                    unitsPerSecond(transform));
                case LONG ->
                    transform == KustoTransform.NONE
                            ? CodeBlock.of("$T.longValue($L)", VALUES, p)
                            : CodeBlock.of("$T.unixTime($L, $LL)", VALUES, p, unitsPerSecond(transform));
                default ->
                    transform == KustoTransform.NONE
                            ? CodeBlock.of("$T.doubleValue($L)", VALUES, p)
                            : CodeBlock.of("$T.unixTimeDouble($L, $LL)", VALUES, p, unitsPerSecond(transform));
            };
            return CodeBlock.of("$T.isNull($L)$W? $T.empty()$W: $T.of($L)", VALUES, p, raw, raw, inner);
        }
        return CodeBlock.of("$N($L)", helper(type), structure);
    }

    private CodeBlock scalar(ValueType.Scalar scalar, CodeBlock p, KustoTransform transform) {
        TypeName t = scalar.javaType();
        boolean primitive = t.isPrimitive();
        TypeName unboxed = primitive ? t : t.isBoxedPrimitive() ? t.unbox() : t;
        if (transform != KustoTransform.NONE) {
            long units = unitsPerSecond(transform);
            CodeBlock read = unboxed.equals(TypeName.LONG)
                    ? CodeBlock.of("$T.unixTime($L, $LL)", VALUES, p, units)
                    : unboxed.equals(TypeName.INT)
                            ? CodeBlock.of("$T.toIntExact($T.unixTime($L, $LL))", Math.class, VALUES, p, units)
                            : unboxed.equals(TypeName.FLOAT)
                                    ? CodeBlock.of("(float) $T.unixTimeDouble($L, $LL)", VALUES, p, units)
                                    : CodeBlock.of("$T.unixTimeDouble($L, $LL)", VALUES, p, units);
            return primitive ? read : CodeBlock.of("$T.isNull($L) ? null : $L", VALUES, p, read);
        }
        String rawName = (t instanceof ParameterizedTypeName pt ? pt.rawType() : t).toString();
        String method = switch (scalar.kind()) {
            case BOOL -> primitive ? "bool" : "boolOrNull";
            case INT -> {
                String base = unboxed.equals(TypeName.BYTE) ? "byte" : unboxed.equals(TypeName.SHORT) ? "short" : "int";
                yield primitive ? base + "Value" : base + "OrNull";
            }
            case LONG -> primitive ? "longValue" : "longOrNull";
            case FLOAT -> primitive ? "floatValue" : "floatOrNull";
            case DOUBLE -> primitive ? "doubleValue" : "doubleOrNull";
            case BIG_DECIMAL -> "decimal";
            case BIG_INTEGER -> "bigInteger";
            case STRING -> "string";
            case CHAR -> primitive ? "charValue" : "charOrNull";
            case CHARS -> "chars";
            case BYTES -> "bytes";
            case TIMESPAN -> "duration";
            case GUID -> "uuid";
            case DATETIME ->
                switch (rawName) {
                    case "java.time.OffsetDateTime" -> "offsetDateTime";
                    case "java.time.ZonedDateTime" -> "zonedDateTime";
                    case "java.time.LocalDate" -> "localDate";
                    case "java.time.LocalDateTime" -> "localDateTime";
                    case "java.util.Date" -> "date";
                    default -> "instant";
                };
            case OBJECT -> rawName.equals("java.lang.Number") ? "number" : "object";
            case ENUM, JSON_NODE -> null;
        };
        if (method == null) {
            // An enum by name, a JsonNode of the property's class: both need the class.
            String name = scalar.kind() == ScalarKind.ENUM ? "enumValue" : "jsonNode";
            TypeName raw = t instanceof ParameterizedTypeName pt ? pt.rawType() : t;
            return CodeBlock.of("$T.$L($L, $T.class)", VALUES, name, p, raw);
        }
        return CodeBlock.of("$T.$L($L)", VALUES, method, p);
    }

    private static long unitsPerSecond(KustoTransform transform) {
        return switch (transform) {
            case DATETIME_FROM_UNIX_SECONDS -> 1L;
            case DATETIME_FROM_UNIX_MILLISECONDS -> 1_000L;
            case DATETIME_FROM_UNIX_MICROSECONDS -> 1_000_000L;
            case DATETIME_FROM_UNIX_NANOSECONDS -> 1_000_000_000L;
            case NONE -> throw new IllegalArgumentException("no transform");
        };
    }

    /** The name of the helper method reading a structure of {@code type}, generating it on first use. */
    private String helper(ValueType type) {
        String existing = helperNames.get(type);
        if (existing != null) {
            return existing;
        }
        String name = classNames.newName("read" + describe(type));
        helperNames.put(type, name);
        helpers.put(name, null); // reserve the position: helpers appear in order of first use
        NameAllocator locals = new NameAllocator();
        locals.newName("p");
        locals.newName("value");
        CodeBlock p = CodeBlock.of("p");
        CodeBlock.Builder code = CodeBlock.builder();
        if (type instanceof ValueType.ListOf list) {
            code.beginControlFlow("if (!$T.startArray(p))", VALUES)
                    .addStatement("return null")
                    .endControlFlow()
                    .addStatement("$T value = new $L()", list.implementation(), diamond(list.implementation()))
                    .beginControlFlow("while ($T.nextElement(p))", VALUES)
                    .addStatement("value.add($L)", value(list.element(), p, p, KustoTransform.NONE))
                    .endControlFlow()
                    .addStatement("return value");
        } else if (type instanceof ValueType.ArrayOf array) {
            locals.newName("size");
            code.beginControlFlow("if (!$T.startArray(p))", VALUES)
                    .addStatement("return null")
                    .endControlFlow()
                    .addStatement(
                            "$T value = $L",
                            array.javaType(),
                            newArray(array.element().javaType(), 8))
                    .addStatement("int size = 0")
                    .beginControlFlow("while ($T.nextElement(p))", VALUES)
                    .beginControlFlow("if (size == value.length)")
                    .addStatement("value = $T.copyOf(value, size * 2)", Arrays.class)
                    .endControlFlow()
                    .addStatement("value[size++] = $L", value(array.element(), p, p, KustoTransform.NONE))
                    .endControlFlow()
                    .addStatement("return $T.copyOf(value, size)", Arrays.class);
        } else if (type instanceof ValueType.MapOf map) {
            locals.newName("key");
            code.beginControlFlow("if (!$T.startObject(p))", VALUES)
                    .addStatement("return null")
                    .endControlFlow()
                    .addStatement("$T value = new $L()", map.implementation(), diamond(map.implementation()))
                    .addStatement("String key")
                    .beginControlFlow("while ((key = $T.nextKey(p)) != null)", VALUES)
                    .addStatement("value.put($L, $L)", key(map), value(map.value(), p, p, KustoTransform.NONE))
                    .endControlFlow()
                    .addStatement("return value");
        } else if (type instanceof ValueType.Nested nested) {
            locals.newName("key");
            code.beginControlFlow("if (!$T.startObject(p))", VALUES)
                    .addStatement("return null")
                    .endControlFlow();
            List<ValueType.Property> properties = nested.properties();
            String[] targets = new String[properties.size()];
            if (nested.creator() instanceof Creator.Bean) {
                code.addStatement("$T value = new $T()", nested.javaType(), nested.javaType());
            } else {
                for (int i = 0; i < properties.size(); i++) {
                    ValueType.Property property = properties.get(i);
                    targets[i] = locals.newName(property.name());
                    code.addStatement(
                            "$T $N = $L",
                            property.type().javaType(),
                            targets[i],
                            defaultValue(property.type().javaType()));
                }
            }
            code.addStatement("String key")
                    .beginControlFlow("while ((key = $T.nextKey(p)) != null)", VALUES)
                    .beginControlFlow("switch (key)");
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < properties.size(); i++) {
                ValueType.Property property = properties.get(i);
                if (!keys.add(property.jsonName())) {
                    continue; // the writer writes the key twice; the first property reads it
                }
                CodeBlock value = value(property.type(), p, p, KustoTransform.NONE);
                if (nested.creator() instanceof Creator.Bean bean) {
                    code.addStatement(
                            "case $S -> $L", property.jsonName(), assign(bean.writer(property.name()), "value", value));
                } else {
                    code.addStatement("case $S -> $N = $L", property.jsonName(), targets[i], value);
                }
            }
            code.addStatement("default -> $T.skip(p)", VALUES).endControlFlow().endControlFlow();
            if (nested.creator() instanceof Creator.Canonical canonical) {
                code.addStatement("return new $T($L)", nested.javaType(), arguments(canonical, n -> {
                    for (int i = 0; i < properties.size(); i++) {
                        if (properties.get(i).name().equals(n)) {
                            return targets[i];
                        }
                    }
                    throw new IllegalStateException("no property for record component " + n);
                }));
            } else {
                code.addStatement("return value");
            }
        } else {
            throw new IllegalStateException("no helper for " + type);
        }
        helpers.put(
                name,
                MethodSpec.methodBuilder(name)
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(type.javaType())
                        .addParameter(JSON_PARSER, "p")
                        .addException(IOException.class)
                        .addCode(code.build())
                        .build());
        return name;
    }

    /** The map key, from the JSON key {@code key}, as the writer wrote it. */
    private static CodeBlock key(ValueType.MapOf map) {
        TypeName keyType = map.keyType() instanceof ParameterizedTypeName pt ? pt.rawType() : map.keyType();
        return switch (map.key()) {
            case STRING -> CodeBlock.of("key");
            case ENUM -> CodeBlock.of("$T.enumKey(key, $T.class)", VALUES, keyType);
            case TO_STRING ->
                switch (keyType.toString()) {
                    case "java.lang.Integer" -> CodeBlock.of("$T.valueOf(key)", Integer.class);
                    case "java.lang.Long" -> CodeBlock.of("$T.valueOf(key)", Long.class);
                    case "java.lang.Short" -> CodeBlock.of("$T.valueOf(key)", Short.class);
                    case "java.lang.Byte" -> CodeBlock.of("$T.valueOf(key)", Byte.class);
                    case "java.lang.Character" -> CodeBlock.of("$T.charKey(key)", VALUES);
                    case "java.lang.Boolean" -> CodeBlock.of("$T.booleanKey(key)", VALUES);
                    case "java.util.UUID" -> CodeBlock.of("$T.parseGuid(key)", SCALARS);
                    default -> CodeBlock.of("key");
                };
        };
    }

    /** {@code ArrayList<>} for {@code ArrayList<String>}; a class without type arguments as it is. */
    private static CodeBlock diamond(TypeName type) {
        return type instanceof ParameterizedTypeName p ? CodeBlock.of("$T<>", p.rawType()) : CodeBlock.of("$T", type);
    }

    /** {@code new T[n]}, also for array components ({@code new int[n][]}). */
    private static CodeBlock newArray(TypeName component, int n) {
        int dimensions = 0;
        TypeName base = component;
        while (base instanceof ArrayTypeName a) {
            base = a.componentType();
            dimensions++;
        }
        return CodeBlock.of("new $T[$L]$L", base, n, "[]".repeat(dimensions));
    }
}

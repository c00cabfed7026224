package io.kustotyped.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.processor.model.Creator;
import io.kustotyped.processor.model.ScalarKind;
import io.kustotyped.processor.model.ValueType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The read side's value expressions for {@link RowReaderGenerator}: the expression reading one value of a
 * {@link ValueType} from the parser through {@code JsonValues}, and the private static helper method per structure
 * (list, array, map, nested class) inside dynamic columns that those expressions call, generated on first use and
 * emitted in that order.
 */
final class ValueReaders {

    static final ClassName VALUES = ClassName.get("io.kustotyped.runtime.read", "JsonValues");
    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    private static final ClassName SCALARS = ClassName.get("io.kustotyped.runtime.json", "KustoScalars");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");

    private final NameAllocator classNames = new NameAllocator();
    private final Map<ValueType, String> helperNames = new HashMap<>();
    private final Map<String, MethodSpec> helpers = new LinkedHashMap<>();

    /** @param reserved member names of the generated class that no helper may take */
    ValueReaders(List<String> reserved) {
        for (String name : reserved) {
            classNames.newName(name);
        }
    }

    /** The helper methods generated so far, in order of first use. */
    Collection<MethodSpec> helpers() {
        return helpers.values();
    }

    /**
     * The expression reading a value of {@code type}.
     *
     * @param p the parser, on the value's token
     * @param structure the expression giving the parser for a structure (at the top level {@code cells.dynamic()}),
     *     which may differ from {@code p} when a cell holds its dynamic value as JSON text
     * @param transform the column's transformation; only a top-level numeric property has one
     */
    CodeBlock value(ValueType type, CodeBlock p, CodeBlock structure, KustoTransform transform) {
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
        String name = classNames.newName("read" + GeneratedClass.describe(type));
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
                            RowReaderGenerator.defaultValue(property.type().javaType()));
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
                            "case $S -> $L",
                            property.jsonName(),
                            RowReaderGenerator.assign(bean.writer(property.name()), "value", value));
                } else {
                    code.addStatement("case $S -> $N = $L", property.jsonName(), targets[i], value);
                }
            }
            code.addStatement("default -> $T.skip(p)", VALUES).endControlFlow().endControlFlow();
            if (nested.creator() instanceof Creator.Canonical canonical) {
                code.addStatement("return new $T($L)", nested.javaType(), RowReaderGenerator.arguments(canonical, n -> {
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

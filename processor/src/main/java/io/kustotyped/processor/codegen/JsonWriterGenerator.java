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
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import io.kustotyped.processor.model.ValueType;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XJsonWriter}: writes one row as one compact JSON object, field by field, through
 * {@code JsonOutput}, with pre-encoded field-name prefixes and one private static method per structure inside dynamic
 * columns (no reflection anywhere).
 */
public final class JsonWriterGenerator extends GeneratedClass {

    static final ClassName JSON_OUTPUT = ClassName.get("io.kustotyped.runtime.json", "JsonOutput");
    static final ClassName JSON_ROW_WRITER = ClassName.get("io.kustotyped.runtime.json", "JsonRowWriter");

    private final String mappingName;
    private final NameAllocator classNames = new NameAllocator();
    private final List<FieldSpec> constants = new ArrayList<>();
    private final Map<ValueType, String> helperNames = new HashMap<>();
    private final Map<String, MethodSpec> helpers = new LinkedHashMap<>();

    public JsonWriterGenerator(TableModel table, String mappingName) {
        super(table, GeneratedNames.WRITER_SUFFIX);
        this.mappingName = mappingName;
        classNames.newName("INSTANCE");
        classNames.newName("write");
        classNames.newName("toString");
    }

    @Override
    TypeSpec build(TypeSpec.Builder type) {
        NameAllocator locals = new NameAllocator();
        locals.newName("row");
        locals.newName("out");
        CodeBlock.Builder body = CodeBlock.builder().addStatement("out.rawByte('{')");
        List<ColumnModel> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnModel column = columns.get(i);
            body.addStatement("out.raw($N)", constant(column.propertyName(), key(i, column.columnName())));
            writeProperty(body, locals, column.valueType(), column.accessor().readFrom("row"), column.propertyName());
        }
        body.addStatement("out.rawByte('}')");

        MethodSpec write = MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(table.rowType(), "row")
                .addParameter(JSON_OUTPUT, "out")
                .addCode(body.build())
                .build();

        type.addJavadoc(
                        "Writes one {@link $T} row as one compact JSON object, the JSON-lines form that ingestion "
                                + "mapping\n{@code $L} of table {@code $L} reads. Stateless and thread-safe: use {@link "
                                + "#INSTANCE}.\n",
                        table.rowType(),
                        mappingName,
                        table.tableName())
                .addSuperinterface(ParameterizedTypeName.get(JSON_ROW_WRITER, table.rowType()))
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The writer; it holds no state.\n")
                        .initializer("new $T()", self)
                        .build());
        constants.forEach(type::addField);
        type.addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(write);
        helpers.values().forEach(type::addMethod);
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S", self.simpleName() + "[table " + table.tableName() + "]")
                .build());
        return type.build();
    }

    /**
     * What goes before the value of an object's {@code index}th key: a comma (but before the first key), the key as
     * a JSON string, and {@code :}. The object's {@code '{'} is written on its own, with {@code rawByte}.
     */
    private static String key(int index, String key) {
        return (index == 0 ? "" : ",") + Quoting.json(key) + ":";
    }

    /** A {@code private static final byte[]} constant holding the UTF-8 bytes of {@code text}. */
    private String constant(String hint, String text) {
        String name = classNames.newName(upperSnake(hint));
        constants.add(FieldSpec.builder(
                        ArrayTypeName.of(TypeName.BYTE), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S.getBytes($T.UTF_8)", text, StandardCharsets.class)
                .build());
        return name;
    }

    /** Reads a property once and writes its value: primitives directly, everything else through a null check. */
    private void writeProperty(CodeBlock.Builder code, NameAllocator locals, ValueType type, String read, String hint) {
        if (!type.nullable()) {
            code.addStatement("$L", call(type, read));
            return;
        }
        // Constants are all upper case; a local with a lower-case letter can never shadow one.
        String local = locals.newName(hint.chars().anyMatch(Character::isLowerCase) ? hint : hint + "Value");
        code.addStatement("$T $N = $L", type.javaType(), local, read);
        writeValue(code, locals, type, local, true);
    }

    /** Writes the value held in {@code local}, a local variable of type {@code type.javaType()}. */
    private void writeValue(
            CodeBlock.Builder code, NameAllocator locals, ValueType type, String local, boolean mayBeNull) {
        if (!type.nullable()) {
            code.addStatement("$L", call(type, local));
            return;
        }
        if (type instanceof ValueType.OptionalOf optional) {
            code.beginControlFlow("if ($N == null || $N.isEmpty())", local, local)
                    .addStatement("out.nullValue()")
                    .nextControlFlow("else");
            if (optional.element() instanceof ValueType.OptionalOf
                    || optional.element() instanceof ValueType.OptionalPrimitive) {
                // An optional inside an optional is read twice, so it goes into a local.
                String inner = locals.newName(local + "Value");
                code.addStatement("$T $N = $N.get()", optional.element().javaType(), inner, local);
                writeValue(code, locals, optional.element(), inner, false);
            } else {
                code.addStatement("$L", call(optional.element(), local + ".get()"));
            }
            code.endControlFlow();
            return;
        }
        if (type instanceof ValueType.OptionalPrimitive optional) {
            String getter = switch (optional.kind()) {
                case INT -> "getAsInt";
                case LONG -> "getAsLong";
                default -> "getAsDouble";
            };
            code.beginControlFlow("if ($N == null || $N.isEmpty())", local, local)
                    .addStatement("out.nullValue()")
                    .nextControlFlow("else")
                    .addStatement("out.number($N.$L())", local, getter)
                    .endControlFlow();
            return;
        }
        if (!mayBeNull) {
            code.addStatement("$L", call(type, local));
            return;
        }
        code.beginControlFlow("if ($N == null)", local)
                .addStatement("out.nullValue()")
                .nextControlFlow("else")
                .addStatement("$L", call(type, local))
                .endControlFlow();
    }

    /** The statement (without {@code ;}) that writes the non-null value {@code expression}. */
    private CodeBlock call(ValueType type, String expression) {
        if (type instanceof ValueType.Scalar scalar) {
            if (type.javaType().isBoxedPrimitive()) {
                // Unbox explicitly, so that the primitive overload is called whatever other overloads JsonOutput has.
                TypeName primitive = type.javaType().unbox();
                if (primitive.equals(TypeName.BYTE) || primitive.equals(TypeName.SHORT)) {
                    primitive = TypeName.INT;
                }
                expression = expression + "." + primitive + "Value()";
            }
            return switch (scalar.kind()) {
                case BOOL -> CodeBlock.of("out.bool($L)", expression);
                case INT, LONG, FLOAT, DOUBLE -> CodeBlock.of("out.number($L)", expression);
                case BIG_DECIMAL, BIG_INTEGER -> CodeBlock.of("out.decimal($L)", expression);
                case STRING, CHAR -> CodeBlock.of("out.string($L)", expression);
                case CHARS -> CodeBlock.of("out.string($T.wrap($L))", CharBuffer.class, expression);
                case ENUM -> CodeBlock.of("out.string($L.name())", expression);
                case BYTES -> CodeBlock.of("out.base64($L)", expression);
                case DATETIME -> CodeBlock.of("out.datetime($L)", expression);
                case TIMESPAN -> CodeBlock.of("out.timespan($L)", expression);
                case GUID -> CodeBlock.of("out.guid($L)", expression);
                case JSON_NODE, OBJECT -> CodeBlock.of("out.dynamic($L)", expression);
            };
        }
        return CodeBlock.of("$N($L, out)", helper(type), expression);
    }

    /** The name of the helper method writing a non-null {@code type}, generating it on first use. */
    private String helper(ValueType type) {
        String existing = helperNames.get(type);
        if (existing != null) {
            return existing;
        }
        String name = classNames.newName("write" + describe(type));
        helperNames.put(type, name);
        helpers.put(name, null); // reserve the position: helpers appear in order of first use
        NameAllocator locals = new NameAllocator();
        locals.newName("value");
        locals.newName("out");
        CodeBlock.Builder code = CodeBlock.builder();
        if (type instanceof ValueType.ListOf list) {
            locals.newName("first");
            String element = locals.newName("element");
            code.addStatement("out.rawByte('[')")
                    .addStatement("boolean first = true")
                    .beginControlFlow("for ($T $N : value)", list.element().javaType(), element)
                    .beginControlFlow("if (first)")
                    .addStatement("first = false")
                    .nextControlFlow("else")
                    .addStatement("out.rawByte(',')")
                    .endControlFlow();
            writeValue(code, locals, list.element(), element, true);
            code.endControlFlow().addStatement("out.rawByte(']')");
        } else if (type instanceof ValueType.ArrayOf array) {
            locals.newName("i");
            code.addStatement("out.rawByte('[')")
                    .beginControlFlow("for (int i = 0; i < value.length; i++)")
                    .beginControlFlow("if (i > 0)")
                    .addStatement("out.rawByte(',')")
                    .endControlFlow();
            writeProperty(code, locals, array.element(), "value[i]", "element");
            code.endControlFlow().addStatement("out.rawByte(']')");
        } else if (type instanceof ValueType.MapOf map) {
            locals.newName("first");
            String entry = locals.newName("entry");
            String key = locals.newName("key");
            code.addStatement("out.rawByte('{')")
                    .addStatement("boolean first = true")
                    .beginControlFlow("for ($T $N : value.entrySet())", map.entryType(), entry)
                    .beginControlFlow("if (first)")
                    .addStatement("first = false")
                    .nextControlFlow("else")
                    .addStatement("out.rawByte(',')")
                    .endControlFlow()
                    .addStatement("$T $N = $N.getKey()", map.keyType(), key, entry)
                    .beginControlFlow("if ($N == null)", key)
                    .addStatement(
                            "throw new $T($S)",
                            NullPointerException.class,
                            "A " + map.javaType() + " written to table " + table.tableName()
                                    + " has a null key; JSON object keys cannot be null")
                    .endControlFlow();
            switch (map.key()) {
                case STRING -> code.addStatement("out.string($N)", key);
                case ENUM -> code.addStatement("out.string($N.name())", key);
                case TO_STRING -> code.addStatement("out.string($T.valueOf($N))", String.class, key);
            }
            code.addStatement("out.rawByte(':')");
            writeProperty(code, locals, map.value(), entry + ".getValue()", "element");
            code.endControlFlow().addStatement("out.rawByte('}')");
        } else if (type instanceof ValueType.Nested nested) {
            String typeHint = describe(type);
            List<ValueType.Property> properties = nested.properties();
            code.addStatement("out.rawByte('{')");
            for (int i = 0; i < properties.size(); i++) {
                ValueType.Property property = properties.get(i);
                code.addStatement(
                        "out.raw($N)", constant(typeHint + "_" + property.name(), key(i, property.jsonName())));
                writeProperty(code, locals, property.type(), property.accessor().readFrom("value"), property.name());
            }
            code.addStatement("out.rawByte('}')");
        } else {
            throw new IllegalStateException("no helper for " + type);
        }
        helpers.put(
                name,
                MethodSpec.methodBuilder(name)
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .addParameter(type.javaType(), "value")
                        .addParameter(JSON_OUTPUT, "out")
                        .addCode(code.build())
                        .build());
        return name;
    }

    /** {@code camelCase} or {@code Some name} to {@code CAMEL_CASE} / {@code SOME_NAME}, a legal identifier. */
    static String upperSnake(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(text.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        String result = out.toString().toUpperCase(Locale.ROOT);
        return Character.isJavaIdentifierStart(result.charAt(0)) ? result : "_" + result;
    }
}

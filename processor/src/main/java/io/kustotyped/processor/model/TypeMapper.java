package io.kustotyped.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.kustotyped.processor.validation.Diagnostic;
import io.kustotyped.processor.validation.Reporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a property's {@link TypeMirror} into the {@link ValueType} tree that says how to write it, reporting
 * {@code [Column/UnsupportedType]} and {@code [Column/RecursiveType]} on the table property being mapped.
 */
final class TypeMapper {

    private static final Map<String, ScalarKind> KNOWN = Map.ofEntries(
            Map.entry("java.lang.Boolean", ScalarKind.BOOL),
            Map.entry("java.lang.Byte", ScalarKind.INT),
            Map.entry("java.lang.Short", ScalarKind.INT),
            Map.entry("java.lang.Integer", ScalarKind.INT),
            Map.entry("java.lang.Long", ScalarKind.LONG),
            Map.entry("java.lang.Float", ScalarKind.FLOAT),
            Map.entry("java.lang.Double", ScalarKind.DOUBLE),
            Map.entry("java.lang.Character", ScalarKind.CHAR),
            Map.entry("java.math.BigDecimal", ScalarKind.BIG_DECIMAL),
            Map.entry("java.math.BigInteger", ScalarKind.BIG_INTEGER),
            Map.entry("java.time.Instant", ScalarKind.DATETIME),
            Map.entry("java.time.OffsetDateTime", ScalarKind.DATETIME),
            Map.entry("java.time.ZonedDateTime", ScalarKind.DATETIME),
            Map.entry("java.time.LocalDate", ScalarKind.DATETIME),
            Map.entry("java.time.LocalDateTime", ScalarKind.DATETIME),
            Map.entry("java.time.Duration", ScalarKind.TIMESPAN),
            Map.entry("java.util.UUID", ScalarKind.GUID),
            Map.entry("java.lang.Object", ScalarKind.OBJECT),
            // Any Number subclass: JsonOutput.dynamic(Object) writes it as the JSON number it is.
            Map.entry("java.lang.Number", ScalarKind.OBJECT));

    private static final Map<String, ScalarKind> OPTIONAL_PRIMITIVES = Map.of(
            "java.util.OptionalInt", ScalarKind.INT,
            "java.util.OptionalLong", ScalarKind.LONG,
            "java.util.OptionalDouble", ScalarKind.DOUBLE);

    /** Where the type being mapped comes from, for messages. */
    record Site(Element element, AnnotationMirror annotation, AnnotationValue value, String property, String owner) {}

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    private final PropertyScanner scanner;
    private final TypeMirror charSequence;
    private final TypeMirror date;
    private final TypeMirror iterable;
    private final TypeMirror map;
    private final TypeMirror jsonNode;
    private final Deque<String> nesting = new ArrayDeque<>();
    private String packageName = "";

    TypeMapper(Elements elements, Types types, Reporter reporter, PropertyScanner scanner) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.scanner = scanner;
        this.charSequence = erased("java.lang.CharSequence");
        this.date = erased("java.util.Date");
        this.iterable = erased("java.lang.Iterable");
        this.map = erased("java.util.Map");
        this.jsonNode = erased("com.fasterxml.jackson.databind.JsonNode");
    }

    private TypeMirror erased(String name) {
        TypeElement element = elements.getTypeElement(name);
        return element == null ? null : types.erasure(element.asType());
    }

    /** Sets the package generated code lives in, which every referenced type must be accessible from. */
    void setPackage(String packageName) {
        this.packageName = packageName;
    }

    /**
     * Maps {@code type}, the type of the table property {@code site} describes.
     *
     * @return the value type, or {@code null} after reporting an error
     * @throws UnresolvedTypeException when part of the type is not resolved yet
     */
    ValueType map(TypeMirror type, Site site) throws UnresolvedTypeException {
        nesting.clear();
        return map(type, site, "");
    }

    private ValueType map(TypeMirror type, Site site, String where) throws UnresolvedTypeException {
        switch (type.getKind()) {
            case BOOLEAN:
                return scalar(ScalarKind.BOOL, type);
            case BYTE:
            case SHORT:
            case INT:
                return scalar(ScalarKind.INT, type);
            case LONG:
                return scalar(ScalarKind.LONG, type);
            case FLOAT:
                return scalar(ScalarKind.FLOAT, type);
            case DOUBLE:
                return scalar(ScalarKind.DOUBLE, type);
            case CHAR:
                return scalar(ScalarKind.CHAR, type);
            case ARRAY:
                return array((ArrayType) type, site, where);
            case DECLARED:
                return declared((DeclaredType) type, site, where);
            case WILDCARD: {
                TypeMirror bound = ((WildcardType) type).getExtendsBound();
                return map(
                        bound != null
                                ? bound
                                : elements.getTypeElement("java.lang.Object").asType(),
                        site,
                        where);
            }
            case ERROR:
                throw new UnresolvedTypeException(site.property(), type.toString());
            default:
                return unsupported(type, site, where, "");
        }
    }

    private ValueType array(ArrayType type, Site site, String where) throws UnresolvedTypeException {
        TypeKind component = type.getComponentType().getKind();
        if (component == TypeKind.BYTE) {
            return scalar(ScalarKind.BYTES, type);
        }
        if (component == TypeKind.CHAR) {
            return scalar(ScalarKind.CHARS, type);
        }
        ValueType element = map(type.getComponentType(), site, where + " (an element of " + type + ")");
        return element == null ? null : new ValueType.ArrayOf(element, typeName(type));
    }

    private ValueType declared(DeclaredType type, Site site, String where) throws UnresolvedTypeException {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        String inaccessible = inaccessibility(element);
        if (inaccessible != null) {
            return unsupported(type, site, where, " (" + inaccessible + ")");
        }
        ScalarKind known = KNOWN.get(name);
        if (known != null) {
            return scalar(known, type);
        }
        if (OPTIONAL_PRIMITIVES.containsKey(name)) {
            return new ValueType.OptionalPrimitive(OPTIONAL_PRIMITIVES.get(name), typeName(type));
        }
        if (name.equals("java.util.Optional")) {
            ValueType inner = map(argument(type, 0), site, where + " (inside " + type + ")");
            return inner == null ? null : new ValueType.OptionalOf(inner, typeName(type));
        }
        if (element.getKind() == ElementKind.ENUM) {
            return scalar(ScalarKind.ENUM, type);
        }
        TypeMirror erasure = types.erasure(type);
        if (types.isAssignable(erasure, charSequence)) {
            return scalar(ScalarKind.STRING, type);
        }
        if (types.isAssignable(erasure, date)) {
            return scalar(ScalarKind.DATETIME, type);
        }
        if (jsonNode != null && types.isAssignable(erasure, jsonNode)) {
            return scalar(ScalarKind.JSON_NODE, type);
        }
        if (types.isAssignable(erasure, map)) {
            return mapType(type, site, where);
        }
        if (types.isAssignable(erasure, iterable)) {
            DeclaredType asIterable = supertype(type, "java.lang.Iterable");
            ValueType inner = map(argument(asIterable, 0), site, where + " (an element of " + type + ")");
            return inner == null ? null : new ValueType.ListOf(inner, typeName(type));
        }
        if (name.startsWith("java.")
                || name.startsWith("javax.")
                || element.getKind() == ElementKind.INTERFACE
                || element.getKind() == ElementKind.ANNOTATION_TYPE) {
            return unsupported(type, site, where, "");
        }
        return nested(type, element, site, where);
    }

    private ValueType mapType(DeclaredType type, Site site, String where) throws UnresolvedTypeException {
        DeclaredType asMap = supertype(type, "java.util.Map");
        TypeMirror keyType = argument(asMap, 0);
        if (keyType.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) keyType).getExtendsBound();
            keyType = bound != null
                    ? bound
                    : elements.getTypeElement("java.lang.Object").asType();
        }
        ValueType.MapKey key = mapKey(keyType);
        if (key == null) {
            return unsupported(
                    type,
                    site,
                    where,
                    " (map keys must be strings, enums, numbers, characters, booleans, "
                            + "UUIDs or Object, as JSON object keys are strings)");
        }
        ValueType value = map(argument(asMap, 1), site, where + " (a value of " + type + ")");
        if (value == null) {
            return null;
        }
        TypeName entry = ParameterizedTypeName.get(
                ClassName.get("java.util", "Map", "Entry"), typeName(argument(asMap, 0)), typeName(argument(asMap, 1)));
        return new ValueType.MapOf(key, typeName(keyType), value, entry, typeName(type));
    }

    private ValueType.MapKey mapKey(TypeMirror keyType) throws UnresolvedTypeException {
        if (keyType.getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException("", keyType.toString());
        }
        if (keyType.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) types.asElement(keyType);
        if (inaccessibility(element) != null) {
            return null;
        }
        if (element.getKind() == ElementKind.ENUM) {
            return ValueType.MapKey.ENUM;
        }
        if (types.isAssignable(types.erasure(keyType), charSequence)) {
            return ValueType.MapKey.STRING;
        }
        ScalarKind known = KNOWN.get(element.getQualifiedName().toString());
        if (known == ScalarKind.INT
                || known == ScalarKind.LONG
                || known == ScalarKind.CHAR
                || known == ScalarKind.BOOL
                || known == ScalarKind.GUID
                || known == ScalarKind.OBJECT) {
            return ValueType.MapKey.TO_STRING;
        }
        return null;
    }

    private ValueType nested(DeclaredType type, TypeElement element, Site site, String where)
            throws UnresolvedTypeException {
        String name = element.getQualifiedName().toString();
        if (nesting.contains(name)) {
            List<String> cycle = new ArrayList<>(nesting);
            java.util.Collections.reverse(cycle);
            cycle.add(name);
            reporter.error(
                    site.element(),
                    site.annotation(),
                    null,
                    Diagnostic.RECURSIVE_TYPE,
                    site.property(),
                    site.owner(),
                    name,
                    String.join(" -> ", cycle));
            return null;
        }
        nesting.push(name);
        try {
            List<ValueType.Property> properties = new ArrayList<>();
            boolean failed = false;
            for (PropertyScanner.RawProperty raw : scanner.scan(element, type)) {
                String jsonName = raw.name();
                if (raw.column() != null) {
                    for (var entry : raw.column().getElementValues().entrySet()) {
                        String attribute = entry.getKey().getSimpleName().toString();
                        if (attribute.equals("name")) {
                            Object value = entry.getValue().getValue();
                            if (value instanceof String text && !text.isEmpty()) {
                                jsonName = text;
                            }
                        } else {
                            reporter.error(
                                    raw.columnSite(),
                                    raw.column(),
                                    entry.getValue(),
                                    Diagnostic.NESTED_ATTRIBUTE,
                                    attribute,
                                    raw.name(),
                                    name,
                                    name);
                            failed = true;
                        }
                    }
                }
                ValueType value =
                        map(raw.type(), site, where + " (property '" + raw.name() + "' of nested type " + name + ")");
                if (value == null) {
                    failed = true;
                } else {
                    properties.add(new ValueType.Property(jsonName, raw.accessor(), value));
                }
            }
            return failed ? null : new ValueType.Nested(typeName(type), properties);
        } finally {
            nesting.pop();
        }
    }

    private ValueType scalar(ScalarKind kind, TypeMirror type) {
        return new ValueType.Scalar(kind, typeName(type));
    }

    private ValueType unsupported(TypeMirror type, Site site, String where, String why) {
        reporter.error(
                site.element(),
                site.annotation(),
                null,
                Diagnostic.UNSUPPORTED_TYPE,
                site.property(),
                site.owner(),
                type,
                why + where);
        return null;
    }

    /** Why generated code in {@link #packageName} cannot name {@code element}, or {@code null} if it can. */
    String inaccessibility(TypeElement element) {
        for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return e + " is private";
            }
            if (!e.getModifiers().contains(Modifier.PUBLIC)
                    && !elements.getPackageOf(e).getQualifiedName().contentEquals(packageName)) {
                return e + " is not public and generated code lives in package '" + packageName + "'";
            }
        }
        return null;
    }

    /** The type argument {@code index} of {@code type}, or Object for a raw type. */
    private TypeMirror argument(DeclaredType type, int index) {
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        return arguments.isEmpty() ? elements.getTypeElement("java.lang.Object").asType() : arguments.get(index);
    }

    /** {@code type} seen as its supertype {@code qualifiedName}, type arguments substituted. */
    private DeclaredType supertype(TypeMirror type, String qualifiedName) {
        Deque<TypeMirror> queue = new ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            TypeMirror t = queue.poll();
            if (t.getKind() == TypeKind.DECLARED
                    && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(qualifiedName)) {
                return (DeclaredType) t;
            }
            queue.addAll(types.directSupertypes(t));
        }
        throw new IllegalStateException(type + " is assignable to " + qualifiedName + " but has no such supertype");
    }

    /**
     * The name generated code uses for {@code type}: raw types get wildcards ({@code List} becomes {@code List<?>}),
     * so that generated code compiles without rawtypes warnings; type annotations are dropped.
     */
    static TypeName typeName(TypeMirror type) {
        switch (type.getKind()) {
            case ARRAY:
                return ArrayTypeName.of(typeName(((ArrayType) type).getComponentType()));
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return WildcardTypeName.subtypeOf(typeName(wildcard.getExtendsBound()));
                }
                if (wildcard.getSuperBound() != null) {
                    return WildcardTypeName.supertypeOf(typeName(wildcard.getSuperBound()));
                }
                return WildcardTypeName.subtypeOf(Object.class);
            }
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                ClassName raw = ClassName.get(element);
                int parameters = element.getTypeParameters().size();
                if (parameters == 0) {
                    return raw;
                }
                TypeName[] arguments = new TypeName[parameters];
                for (int i = 0; i < parameters; i++) {
                    arguments[i] = declared.getTypeArguments().isEmpty()
                            ? WildcardTypeName.subtypeOf(Object.class)
                            : typeName(declared.getTypeArguments().get(i));
                }
                return ParameterizedTypeName.get(raw, arguments);
            }
            default:
                return TypeName.get(type).withoutAnnotations();
        }
    }

    /** The package {@code element} lives in. */
    String packageOf(Element element) {
        PackageElement pkg = elements.getPackageOf(element);
        return pkg.getQualifiedName().toString();
    }
}

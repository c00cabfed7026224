package io.kustotyped.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a property's {@link TypeMirror} into the {@link ValueType} tree that says how to write it. What cannot be
 * written is recorded as {@link TypeProblem}s for the validator; nothing is reported here.
 *
 * <p>Past 400 lines on purpose: one recursive descent (array, declared, map, map key, collection implementation) over
 * the same type utilities and nesting stack; splitting a step out would pass that state around, not separate an idea.
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

    /**
     * The property being mapped and what mapping it finds.
     *
     * @param property the table property whose type is mapped
     * @param problems receives the parts of the type that cannot be written
     * @param skipped receives the members of nested types that are passed over (see {@link SkippedMember})
     */
    record Site(String property, List<TypeProblem> problems, List<SkippedMember> skipped) {}

    private final Elements elements;
    private final Types types;
    private final PropertyScanner scanner;
    private final CreatorScanner creators;
    private final Accessibility accessibility;
    private final TypeMirror charSequence;
    private final TypeMirror date;
    private final TypeMirror iterable;
    private final TypeMirror map;
    private final TypeMirror jsonNode;
    private final Deque<String> nesting = new ArrayDeque<>();

    TypeMapper(
            Elements elements,
            Types types,
            PropertyScanner scanner,
            CreatorScanner creators,
            Accessibility accessibility) {
        this.elements = elements;
        this.types = types;
        this.scanner = scanner;
        this.creators = creators;
        this.accessibility = accessibility;
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

    /**
     * Maps {@code type}, the type of the table property {@code site} describes.
     *
     * @return the value type, or {@code null} when part of it cannot be written (then {@code site.problems()} says why)
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
                return unsupported(type, site, where);
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
        return element == null ? null : new ValueType.ArrayOf(element, JavaTypeNames.of(type));
    }

    private ValueType declared(DeclaredType type, Site site, String where) throws UnresolvedTypeException {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        Element inaccessible = accessibility.inaccessible(element);
        if (inaccessible != null) {
            return problem(
                    site, new TypeProblem.Unwritable(type, TypeProblem.Reason.INACCESSIBLE, inaccessible, where));
        }
        ScalarKind known = KNOWN.get(name);
        if (known != null) {
            return scalar(known, type);
        }
        if (OPTIONAL_PRIMITIVES.containsKey(name)) {
            return new ValueType.OptionalPrimitive(OPTIONAL_PRIMITIVES.get(name), JavaTypeNames.of(type));
        }
        if (name.equals("java.util.Optional")) {
            ValueType inner = map(argument(type, 0), site, where + " (inside " + type + ")");
            return inner == null ? null : new ValueType.OptionalOf(inner, JavaTypeNames.of(type));
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
            return inner == null
                    ? null
                    : new ValueType.ListOf(inner, JavaTypeNames.of(type), collectionImplementation(type, inner));
        }
        if (name.startsWith("java.")
                || name.startsWith("javax.")
                || element.getKind() == ElementKind.INTERFACE
                || element.getKind() == ElementKind.ANNOTATION_TYPE) {
            return unsupported(type, site, where);
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
            return problem(site, new TypeProblem.Unwritable(type, TypeProblem.Reason.MAP_KEY, null, where));
        }
        ValueType value = map(argument(asMap, 1), site, where + " (a value of " + type + ")");
        if (value == null) {
            return null;
        }
        TypeName entry = ParameterizedTypeName.get(
                ClassName.get("java.util", "Map", "Entry"),
                JavaTypeNames.of(argument(asMap, 0)),
                JavaTypeNames.of(argument(asMap, 1)));
        TypeName implementation = implementation(type, IMPLEMENTATIONS, "java.util.Map");
        if (implementation == null && IMPLEMENTATIONS.containsKey(erasedName(type))) {
            implementation = ParameterizedTypeName.get(
                    IMPLEMENTATIONS.get(erasedName(type)),
                    JavaTypeNames.of(keyType).box(),
                    value.javaType().box());
        }
        return new ValueType.MapOf(
                key, JavaTypeNames.of(keyType), value, entry, JavaTypeNames.of(type), implementation);
    }

    private ValueType.MapKey mapKey(TypeMirror keyType) throws UnresolvedTypeException {
        if (keyType.getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException("", keyType.toString());
        }
        if (keyType.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) types.asElement(keyType);
        if (accessibility.inaccessible(element) != null) {
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
            Collections.reverse(cycle);
            cycle.add(name);
            return problem(site, new TypeProblem.Recursive(name, cycle));
        }
        nesting.push(name);
        try {
            List<ValueType.Property> properties = new ArrayList<>();
            Map<String, TypeMirror> propertyTypes = new LinkedHashMap<>();
            boolean failed = false;
            for (PropertyScanner.RawProperty raw : scanner.scan(element, type, site.skipped())) {
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
                            site.problems()
                                    .add(new TypeProblem.NestedAttribute(
                                            new Origin(raw.columnSite(), raw.column(), entry.getValue()),
                                            attribute,
                                            raw.name(),
                                            name));
                            failed = true;
                        }
                    }
                }
                ValueType value =
                        map(raw.type(), site, where + " (property '" + raw.name() + "' of nested type " + name + ")");
                if (value == null) {
                    failed = true;
                } else {
                    properties.add(new ValueType.Property(raw.name(), jsonName, raw.accessor(), value));
                    propertyTypes.put(raw.name(), raw.type());
                }
            }
            return failed
                    ? null
                    : new ValueType.Nested(
                            JavaTypeNames.of(type), properties, creators.scan(element, type, propertyTypes));
        } finally {
            nesting.pop();
        }
    }

    /** What a reader fills for a JDK collection or map interface (or class) of this erased name. */
    private static final Map<String, ClassName> IMPLEMENTATIONS = Map.ofEntries(
            Map.entry("java.lang.Iterable", ClassName.get("java.util", "ArrayList")),
            Map.entry("java.util.Collection", ClassName.get("java.util", "ArrayList")),
            Map.entry("java.util.List", ClassName.get("java.util", "ArrayList")),
            Map.entry("java.util.SequencedCollection", ClassName.get("java.util", "ArrayList")),
            Map.entry("java.util.Set", ClassName.get("java.util", "LinkedHashSet")),
            Map.entry("java.util.SequencedSet", ClassName.get("java.util", "LinkedHashSet")),
            Map.entry("java.util.SortedSet", ClassName.get("java.util", "TreeSet")),
            Map.entry("java.util.NavigableSet", ClassName.get("java.util", "TreeSet")),
            Map.entry("java.util.Queue", ClassName.get("java.util", "ArrayDeque")),
            Map.entry("java.util.Deque", ClassName.get("java.util", "ArrayDeque")),
            Map.entry("java.util.Map", ClassName.get("java.util", "LinkedHashMap")),
            Map.entry("java.util.SequencedMap", ClassName.get("java.util", "LinkedHashMap")),
            Map.entry("java.util.SortedMap", ClassName.get("java.util", "TreeMap")),
            Map.entry("java.util.NavigableMap", ClassName.get("java.util", "TreeMap")),
            Map.entry(
                    "java.util.concurrent.ConcurrentMap", ClassName.get("java.util.concurrent", "ConcurrentHashMap")));

    private TypeName collectionImplementation(DeclaredType type, ValueType element) {
        TypeName own = implementation(type, IMPLEMENTATIONS, "java.util.Collection");
        if (own != null) {
            return own;
        }
        ClassName known = IMPLEMENTATIONS.get(erasedName(type));
        return known == null
                ? null
                : ParameterizedTypeName.get(known, element.javaType().box());
    }

    /**
     * {@code type} itself when it is a concrete class assignable to {@code kind} with a public no-argument
     * constructor; else {@code null} (an interface is looked up in {@code known} by the caller).
     */
    private TypeName implementation(DeclaredType type, Map<String, ClassName> known, String kind) {
        TypeElement element = (TypeElement) type.asElement();
        TypeElement kindElement = elements.getTypeElement(kind);
        if (element.getKind() != ElementKind.CLASS
                || element.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)
                || kindElement == null
                || !types.isAssignable(types.erasure(type), types.erasure(kindElement.asType()))) {
            return null;
        }
        boolean noArg = javax.lang.model.util.ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty()
                        && c.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC));
        return noArg ? JavaTypeNames.of(type) : null;
    }

    private String erasedName(DeclaredType type) {
        return ((TypeElement) type.asElement()).getQualifiedName().toString();
    }

    private ValueType scalar(ScalarKind kind, TypeMirror type) {
        return new ValueType.Scalar(kind, JavaTypeNames.of(type));
    }

    private static ValueType unsupported(TypeMirror type, Site site, String where) {
        return problem(site, new TypeProblem.Unwritable(type, TypeProblem.Reason.UNSUPPORTED, null, where));
    }

    /** Records {@code problem}; returns {@code null}, the value type of what cannot be written. */
    private static ValueType problem(Site site, TypeProblem problem) {
        site.problems().add(problem);
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
}

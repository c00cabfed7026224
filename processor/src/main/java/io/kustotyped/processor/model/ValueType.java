package io.kustotyped.processor.model;

import com.palantir.javapoet.TypeName;
import io.kustotyped.annotations.KustoType;
import java.util.List;

/**
 * How to write a value of one Java type as JSON: the tree the model reader builds from a {@link
 * javax.lang.model.type.TypeMirror} and the writer generator walks. Every node knows the Java type it stands for, as
 * generated code must spell it.
 */
public sealed interface ValueType {

    /** The Java type, as generated code declares a variable holding such a value. */
    TypeName javaType();

    /** Whether a value can be null (everything but primitives). */
    default boolean nullable() {
        return !javaType().isPrimitive();
    }

    /**
     * The Kusto type a column holding this value gets by default: the scalar's type, unwrapped through optionals;
     * {@code dynamic} for structures.
     */
    default KustoType inferredKustoType() {
        ScalarKind kind = scalarKind();
        return kind == null ? KustoType.DYNAMIC : kind.kustoType();
    }

    /** The scalar kind this value is or holds (through optionals), or {@code null} for structures. */
    default ScalarKind scalarKind() {
        if (this instanceof Scalar s) {
            return s.kind();
        } else if (this instanceof OptionalOf o) {
            return o.element().scalarKind();
        } else if (this instanceof OptionalPrimitive o) {
            return o.kind();
        }
        return null;
    }

    /** A primitive, a box, or a reference type written by one {@code JsonOutput} call. */
    record Scalar(ScalarKind kind, TypeName javaType) implements ValueType {}

    /** {@code java.util.Optional<E>}: empty is written as null. */
    record OptionalOf(ValueType element, TypeName javaType) implements ValueType {}

    /** {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble} ({@code kind} INT, LONG or DOUBLE). */
    record OptionalPrimitive(ScalarKind kind, TypeName javaType) implements ValueType {}

    /**
     * Any {@code Iterable<E>} (List, Set, ...), written as a JSON array.
     *
     * @param implementation the collection a reader fills ({@code ArrayList<E>} for a {@code List<E>}, the type
     *     itself when it is a concrete collection with a public no-argument constructor), or {@code null} when none
     */
    record ListOf(ValueType element, TypeName javaType, TypeName implementation) implements ValueType {}

    /** An array {@code E[]} (other than {@code byte[]} and {@code char[]}), written as a JSON array. */
    record ArrayOf(ValueType element, TypeName javaType) implements ValueType {}

    /**
     * A {@code Map<K, V>}, written as a JSON object; keys are written as strings.
     *
     * @param implementation the map a reader fills ({@code LinkedHashMap<K, V>} for a {@code Map<K, V>}, the type
     *     itself when it is a concrete map with a public no-argument constructor), or {@code null} when none
     */
    record MapOf(
            MapKey key,
            TypeName keyType,
            ValueType value,
            TypeName entryType,
            TypeName javaType,
            TypeName implementation)
            implements ValueType {}

    /**
     * A record or class with readable properties, written as a JSON object keyed by property name.
     *
     * @param creator how a reader creates one
     */
    record Nested(TypeName javaType, List<Property> properties, Creator creator) implements ValueType {
        public Nested {
            properties = List.copyOf(properties);
        }
    }

    /** How a map key becomes a JSON object key. */
    enum MapKey {
        /** A {@code CharSequence}, written as it is. */
        STRING,
        /** An enum, written as its {@code name()}. */
        ENUM,
        /** A number, character, boolean, UUID or Object, written as {@code String.valueOf(key)}. */
        TO_STRING
    }

    /**
     * One property of a {@link Nested} type.
     *
     * @param name the Java property name
     * @param jsonName the JSON key ({@code @Column(name)}, else the property name)
     * @param accessor how to read it from an instance
     * @param type how to write its value
     */
    record Property(String name, String jsonName, Accessor accessor, ValueType type) {}
}

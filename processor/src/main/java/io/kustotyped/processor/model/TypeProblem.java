package io.kustotyped.processor.model;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * A part of a column's Java type that has no JSON form, found while mapping the type. The reader records it on the
 * column; the validator reports it.
 */
public sealed interface TypeProblem {

    /**
     * A type generated code cannot write.
     *
     * @param type the type, as the compiler prints it
     * @param reason why it cannot be written
     * @param inaccessible for {@link Reason#INACCESSIBLE}: the type (or the type enclosing it) generated code cannot
     *     name; otherwise {@code null}
     * @param path where the type sits inside the column's type, e.g. {@code " (an element of java.util.List<X>)"};
     *     empty for the column's type itself
     */
    record Unwritable(TypeMirror type, Reason reason, Element inaccessible, String path) implements TypeProblem {}

    /**
     * A nested type that contains itself.
     *
     * @param typeName the type that recurs
     * @param cycle the chain of types from the first occurrence back to it
     */
    record Recursive(String typeName, List<String> cycle) implements TypeProblem {
        public Recursive {
            cycle = List.copyOf(cycle);
        }
    }

    /**
     * An {@code @Column} attribute other than {@code name} on a property of a nested type, where it cannot apply.
     *
     * @param origin the {@code @Column} annotation and the attribute's value
     * @param attribute the attribute
     * @param property the nested type's property
     * @param nestedType the nested type
     */
    record NestedAttribute(Origin origin, String attribute, String property, String nestedType)
            implements TypeProblem {}

    /** Why a type cannot be written. */
    enum Reason {
        /** Not among the supported kinds of type. */
        UNSUPPORTED,
        /** Generated code, in the table's package, cannot name it. */
        INACCESSIBLE,
        /** A map whose key type cannot become a JSON object key. */
        MAP_KEY
    }
}

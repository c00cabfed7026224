package io.kustotyped.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A field or method of a table class (or of a type nested in a column) that the reader did not take as a property
 * although the user may have meant it as one: it carries {@code @Column}, or it is a field generated code cannot read.
 *
 * @param member the field or method
 * @param owner the class being read (the table class, or the nested type)
 * @param column the {@code @Column} on {@code member}, or {@code null}
 * @param why why it is not a property
 */
public record SkippedMember(Element member, TypeElement owner, AnnotationMirror column, Why why) {

    /** Why a member is not a property. */
    public enum Why {
        /** A static field. */
        STATIC,
        /** A transient field. */
        TRANSIENT,
        /** A method that is not a public, non-static getter without parameters. */
        NOT_A_GETTER,
        /** A field that is not public and has no public getter. */
        NOT_PUBLIC
    }
}

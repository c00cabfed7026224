package io.kustotyped.processor.model;

import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One property of a table class, as read: the column it becomes, and everything needed to check it and write it.
 *
 * @param propertyName the Java property name
 * @param columnName the Kusto column name, also the JSON key ({@code @Column(name)}, else the property name)
 * @param element the element the property is read through (record component, getter or field)
 * @param accessor how to read the property
 * @param propertyType the property's Java type, as a member of the table class
 * @param valueType how to write the value, or {@code null} when {@code typeProblems} is not empty
 * @param typeProblems the parts of the type that cannot be written; empty when {@code valueType} is set
 * @param requestedType {@code @Column(type)}, {@link KustoType#AUTO} when not given
 * @param transform {@code @Column(transform)}, {@link KustoTransform#NONE} when not given
 * @param origin the element carrying the property's {@code @Column} (or the property's element) and that annotation
 */
public record ColumnModel(
        String propertyName,
        String columnName,
        Element element,
        Accessor accessor,
        TypeMirror propertyType,
        ValueType valueType,
        List<TypeProblem> typeProblems,
        KustoType requestedType,
        KustoTransform transform,
        Origin origin) {

    public ColumnModel {
        Objects.requireNonNull(columnName, "columnName");
        typeProblems = List.copyOf(typeProblems);
        if ((valueType == null) == typeProblems.isEmpty()) {
            throw new IllegalArgumentException("a column has a value type or type problems, not both");
        }
    }

    /**
     * The column's Kusto type: {@code datetime} under a transform, else the requested type, else the one inferred
     * from the Java type ({@code dynamic} when the type cannot be written).
     */
    public KustoType kustoType() {
        if (transform != KustoTransform.NONE) {
            return KustoType.DATETIME;
        }
        if (requestedType != KustoType.AUTO) {
            return requestedType;
        }
        return valueType == null ? KustoType.DYNAMIC : valueType.inferredKustoType();
    }
}

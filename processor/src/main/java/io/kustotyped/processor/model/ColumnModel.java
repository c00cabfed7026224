package io.kustotyped.processor.model;

import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import java.util.Objects;
import javax.lang.model.element.Element;

/**
 * One column of a table: the property it comes from, its Kusto name and type, and how to write its value.
 *
 * @param propertyName the Java property name
 * @param columnName the Kusto column name, also the JSON key
 * @param element the element the property is read through (record component, getter or field), for diagnostics
 * @param accessor how to read the property
 * @param valueType how to write the value
 * @param kustoType the column's Kusto type (never {@link KustoType#AUTO})
 * @param transform the mapping transform ({@link KustoTransform#NONE} for none)
 */
public record ColumnModel(
        String propertyName,
        String columnName,
        Element element,
        Accessor accessor,
        ValueType valueType,
        KustoType kustoType,
        KustoTransform transform) {

    public ColumnModel {
        Objects.requireNonNull(columnName, "columnName");
        if (kustoType == KustoType.AUTO) {
            throw new IllegalArgumentException("column type must be resolved, not AUTO");
        }
    }
}

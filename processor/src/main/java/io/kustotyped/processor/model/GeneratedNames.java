package io.kustotyped.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The names of what is generated for a table class: {@code com.acme.Order} gets {@code com.acme.OrderJsonWriter},
 * {@code OrderKustoSchema}, {@code OrderRowReader} and {@code OrderIngestor}; a nested {@code com.acme.Outer.Inner} gets
 * {@code com.acme.Outer_InnerJsonWriter} and so on (the simple names joined with {@code _}). The script resource is
 * {@code META-INF/kusto/<table name>.kql}.
 */
public final class GeneratedNames {

    /** Class-name suffix of the JSON writer. */
    public static final String WRITER_SUFFIX = "JsonWriter";
    /** Class-name suffix of the schema class. */
    public static final String SCHEMA_SUFFIX = "KustoSchema";
    /** Class-name suffix of the reader of query results. */
    public static final String READER_SUFFIX = "RowReader";
    /** Class-name suffix of the ingestor. */
    public static final String INGESTOR_SUFFIX = "Ingestor";

    private GeneratedNames() {}

    /** The generated class with {@code suffix} for {@code rowType}, in the same package. */
    public static ClassName generated(ClassName rowType, String suffix) {
        return ClassName.get(rowType.packageName(), String.join("_", rowType.simpleNames()) + suffix);
    }

    /**
     * The class-path resource holding the table's DDL script: {@code META-INF/kusto/<table name>.kql}, with each space
     * written {@code %20}, since the compiler only accepts resource names that are relative URIs (a legal table name
     * holds no other character a URI forbids, and no {@code %}, so the name stays unique).
     */
    public static String scriptResource(String tableName) {
        return "META-INF/kusto/" + tableName.replace(" ", "%20") + ".kql";
    }
}

package io.kustotyped.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XIngestor}, the typed streaming ingestor of one table. It has factories taking a database, and,
 * only when {@code @KustoTable(database)} is set, factories without one: a missing database is a compile error.
 */
public final class IngestorGenerator extends GeneratedClass {

    static final ClassName TABLE_INGESTOR = ClassName.get("io.kustotyped.runtime", "TableIngestor");
    static final ClassName KUSTO_CLIENT = ClassName.get("io.kustotyped.runtime", "KustoClient");
    static final ClassName INGEST_OPTIONS = ClassName.get("io.kustotyped.runtime", "IngestOptions");

    private final ClassName schema;

    public IngestorGenerator(TableModel table) {
        super(table, GeneratedNames.INGESTOR_SUFFIX);
        this.schema = GeneratedNames.generated(table.rowType(), GeneratedNames.SCHEMA_SUFFIX);
    }

    @Override
    TypeSpec build(TypeSpec.Builder type) {
        type.addJavadoc(
                        "Streams {@link $T} rows into Kusto table {@code $L}, described by {@link $T}.\n",
                        table.rowType(),
                        table.tableName(),
                        schema)
                .superclass(ParameterizedTypeName.get(TABLE_INGESTOR, table.rowType()))
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(KUSTO_CLIENT, "client")
                        .addParameter(String.class, "database")
                        .addParameter(INGEST_OPTIONS, "options")
                        .addStatement("super(client, database, $T.INSTANCE, options)", schema)
                        .build())
                .addMethod(factory()
                        .addJavadoc(
                                "An ingestor writing to table {@code $L} of {@code database}, with default "
                                        + "options.\n\n",
                                table.tableName())
                        .addJavadoc("@param client the client that sends the requests\n")
                        .addJavadoc("@param database the database the table is in\n")
                        .addJavadoc("@return the ingestor\n")
                        .addParameter(KUSTO_CLIENT, "client")
                        .addParameter(String.class, "database")
                        .addStatement("return new $T(client, database, new $T())", self, INGEST_OPTIONS)
                        .build())
                .addMethod(factory()
                        .addJavadoc(
                                "An ingestor writing to table {@code $L} of {@code database}.\n\n", table.tableName())
                        .addJavadoc("@param client the client that sends the requests\n")
                        .addJavadoc("@param database the database the table is in\n")
                        .addJavadoc("@param options batching, format and retry options\n")
                        .addJavadoc("@return the ingestor\n")
                        .addParameter(KUSTO_CLIENT, "client")
                        .addParameter(String.class, "database")
                        .addParameter(INGEST_OPTIONS, "options")
                        .addStatement("return new $T(client, database, options)", self)
                        .build());
        table.database()
                .ifPresent(database -> type.addMethod(factory()
                                .addJavadoc(
                                        "An ingestor writing to table {@code $L} of the database {@code $L} named by "
                                                + "{@code @KustoTable},\nwith default options.\n\n",
                                        table.tableName(),
                                        database)
                                .addJavadoc("@param client the client that sends the requests\n")
                                .addJavadoc("@return the ingestor\n")
                                .addParameter(KUSTO_CLIENT, "client")
                                .addStatement("return new $T(client, $S, new $T())", self, database, INGEST_OPTIONS)
                                .build())
                        .addMethod(factory()
                                .addJavadoc(
                                        "An ingestor writing to table {@code $L} of the database {@code $L} named by "
                                                + "{@code @KustoTable}.\n\n",
                                        table.tableName(),
                                        database)
                                .addJavadoc("@param client the client that sends the requests\n")
                                .addJavadoc("@param options batching, format and retry options\n")
                                .addJavadoc("@return the ingestor\n")
                                .addParameter(KUSTO_CLIENT, "client")
                                .addParameter(INGEST_OPTIONS, "options")
                                .addStatement("return new $T(client, $S, options)", self, database)
                                .build()));
        return type.build();
    }

    private MethodSpec.Builder factory() {
        return MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self);
    }
}

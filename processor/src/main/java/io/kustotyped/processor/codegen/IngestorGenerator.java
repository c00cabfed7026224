package io.kustotyped.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import java.util.List;
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
    private final ClassName writer;
    private final ClassName reader;

    /**
     * @param table the table
     * @param readable whether the table has a generated {@code XRowReader}; only then the ingestor can query
     */
    public IngestorGenerator(TableModel table, boolean readable) {
        super(table, GeneratedNames.INGESTOR_SUFFIX);
        this.schema = GeneratedNames.generated(table.rowType(), GeneratedNames.SCHEMA_SUFFIX);
        this.writer = GeneratedNames.generated(table.rowType(), GeneratedNames.WRITER_SUFFIX);
        this.reader = readable ? GeneratedNames.generated(table.rowType(), GeneratedNames.READER_SUFFIX) : null;
    }

    @Override
    TypeSpec build(TypeSpec.Builder type) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(KUSTO_CLIENT, "client")
                .addParameter(String.class, "database")
                .addParameter(INGEST_OPTIONS, "options");
        if (reader != null) {
            constructor.addStatement(
                    "super(client, database, $T.INSTANCE, $T.INSTANCE, $T.INSTANCE, options)", schema, writer, reader);
        } else {
            constructor.addStatement("super(client, database, $T.INSTANCE, $T.INSTANCE, options)", schema, writer);
        }
        if (reader != null) {
            type.addJavadoc(
                    "Streams {@link $T} rows into Kusto table {@code $L}, described by {@link $T}, and reads them back"
                            + "\nthrough {@link $T}.\n",
                    table.rowType(),
                    table.tableName(),
                    schema,
                    reader);
        } else {
            type.addJavadoc(
                    "Streams {@link $T} rows into Kusto table {@code $L}, described by {@link $T}.\n",
                    table.rowType(),
                    table.tableName(),
                    schema);
        }
        type.superclass(ParameterizedTypeName.get(TABLE_INGESTOR, table.rowType()))
                .addMethod(constructor.build())
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
        if (reader != null) {
            type.addMethod(MethodSpec.methodBuilder("query")
                    .addJavadoc(
                            "Runs {@code $L <pipeline>} on this ingestor's database and reads the result into {@link"
                                    + " $T}s\nthrough {@link $T}: for example {@code query(\"| where ... | take 10\")}."
                                    + "\n\n",
                            Quoting.kqlBracket(table.tableName()),
                            table.rowType(),
                            reader)
                    .addJavadoc("@param pipeline what follows the table, starting with {@code |}, or empty\n")
                    .addJavadoc(
                            "@return the rows, or a failed future with the Kusto error or a {@code RowReadException}\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(
                            ClassName.get("io.vertx.core", "Future"),
                            ParameterizedTypeName.get(ClassName.get(List.class), table.rowType())))
                    .addParameter(String.class, "pipeline")
                    .addStatement("return queryTable(pipeline)")
                    .build());
        }
        return type.build();
    }

    private MethodSpec.Builder factory() {
        return MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self);
    }
}

package io.kustotyped.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @KustoTable} class as read from the compiler's model, with where each part came from. The reader records
 * what it finds, legal or not; the validator decides, and the code generators only ever see a model that passed.
 *
 * @param element the annotated class, the only originating element of everything generated for it
 * @param origin the class and its {@code @KustoTable} annotation; {@code origin.at("name")} and so on point at the
 *     attributes
 * @param rowType the class as generated code names it
 * @param isPublic whether the class (and every class enclosing it) is public; generated classes match
 * @param tableName the Kusto table name ({@code @KustoTable(name)}, else the simple class name)
 * @param database the default database, if {@code @KustoTable(database)} is set
 * @param mappingName the mapping name, if {@code @KustoTable(mappingName)} is set (otherwise derived from the mapping)
 * @param folder the table folder, if set
 * @param docString the table docstring, if set
 * @param columns one per property, in table order
 * @param creator how a generated reader creates an instance (or why it cannot)
 * @param skipped members of the class, or of types nested in its columns, that are not properties although they may
 *     have been meant as ones
 */
public record TableModel(
        TypeElement element,
        Origin origin,
        ClassName rowType,
        boolean isPublic,
        String tableName,
        Optional<String> database,
        Optional<String> mappingName,
        Optional<String> folder,
        Optional<String> docString,
        List<ColumnModel> columns,
        Creator creator,
        List<SkippedMember> skipped) {

    public TableModel {
        columns = List.copyOf(columns);
        skipped = List.copyOf(skipped);
    }
}

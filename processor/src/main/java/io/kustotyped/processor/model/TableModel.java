package io.kustotyped.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Everything the code generators need to know about one {@code @KustoTable} class, read from the compiler's model.
 *
 * @param element the annotated class, the only originating element of everything generated for it
 * @param rowType the class as generated code names it
 * @param isPublic whether the class (and every class enclosing it) is public; generated classes match
 * @param tableName the Kusto table name
 * @param database the default database, if {@code @KustoTable(database)} is set
 * @param mappingName the mapping name, if {@code @KustoTable(mappingName)} is set (otherwise derived from the mapping)
 * @param folder the table folder, if set
 * @param docString the table docstring, if set
 * @param columns the columns, in table order
 */
public record TableModel(
        TypeElement element,
        ClassName rowType,
        boolean isPublic,
        String tableName,
        Optional<String> database,
        Optional<String> mappingName,
        Optional<String> folder,
        Optional<String> docString,
        List<ColumnModel> columns) {

    public TableModel {
        columns = List.copyOf(columns);
    }
}

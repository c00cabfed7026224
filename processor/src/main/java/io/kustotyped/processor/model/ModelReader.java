package io.kustotyped.processor.model;

import com.palantir.javapoet.ClassName;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @KustoTable} class into a {@link TableModel}, using only the compiler's {@link Elements} and
 * {@link Types}. It records what it finds, legal or not, with where each part came from, and reports nothing: the
 * validator decides what is wrong.
 */
public final class ModelReader {

    /** The qualified name of {@code @KustoTable}. */
    public static final String KUSTO_TABLE = "io.kustotyped.annotations.KustoTable";

    private final Elements elements;
    private final Types types;
    private final PropertyScanner scanner;
    private final CreatorScanner creators;

    public ModelReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.scanner = new PropertyScanner(types);
        this.creators = new CreatorScanner(elements, types);
    }

    /**
     * Reads {@code type}.
     *
     * @return the model; empty when an annotation value is erroneous ({@code @Column(type = KustoType.TYPO)}), which
     *     the compiler reports itself, so that the table is skipped without a second, confusing error
     * @throws UnresolvedTypeException when a property type is not resolved yet; the caller defers the table
     */
    public Optional<TableModel> read(TypeElement type) throws UnresolvedTypeException {
        try {
            return Optional.of(readChecked(type));
        } catch (ErroneousAnnotationException e) {
            return Optional.empty();
        }
    }

    private TableModel readChecked(TypeElement type) throws UnresolvedTypeException {
        AnnotationMirror table = PropertyScanner.annotation(type, KUSTO_TABLE);
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        TypeMapper mapper =
                new TypeMapper(elements, types, scanner, creators, new Accessibility(elements, packageName));

        String tableName = stringValue(table, "name");
        if (tableName.isEmpty()) {
            tableName = type.getSimpleName().toString();
        }
        List<SkippedMember> skipped = new ArrayList<>();
        List<ColumnModel> columns = new ArrayList<>();
        Map<String, TypeMirror> properties = new LinkedHashMap<>();
        for (PropertyScanner.RawProperty property : scanner.scan(type, (DeclaredType) type.asType(), skipped)) {
            columns.add(column(property, mapper, skipped));
            properties.put(property.name(), property.type());
        }
        Creator creator = creators.scan(type, (DeclaredType) type.asType(), properties);
        return new TableModel(
                type,
                Origin.of(type, table),
                ClassName.get(type),
                isPublic(type),
                tableName,
                optional(stringValue(table, "database")),
                optional(stringValue(table, "mappingName")),
                optional(stringValue(table, "folder")),
                optional(stringValue(table, "docString")),
                columns,
                creator,
                // A member of a nested type that two columns use is passed over twice, and recorded once.
                List.copyOf(new LinkedHashSet<>(skipped)));
    }

    private static ColumnModel column(
            PropertyScanner.RawProperty property, TypeMapper mapper, List<SkippedMember> skipped)
            throws UnresolvedTypeException {
        AnnotationMirror annotation = property.column();
        Element site = property.columnSite() != null ? property.columnSite() : property.element();
        List<TypeProblem> problems = new ArrayList<>();
        ValueType valueType;
        try {
            valueType = mapper.map(property.type(), new TypeMapper.Site(property.name(), problems, skipped));
        } catch (UnresolvedTypeException e) {
            throw new UnresolvedTypeException(property.name(), e.typeName());
        }
        String columnName = stringValue(annotation, "name");
        if (columnName.isEmpty()) {
            columnName = property.name();
        }
        return new ColumnModel(
                property.name(),
                columnName,
                property.element(),
                property.accessor(),
                property.type(),
                valueType,
                problems,
                KustoType.valueOf(enumValue(annotation, "type", "AUTO")),
                KustoTransform.valueOf(enumValue(annotation, "transform", "NONE")),
                Origin.of(site, annotation));
    }

    private static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String stringValue(AnnotationMirror annotation, String attribute) {
        AnnotationValue value = Origin.value(annotation, attribute);
        if (value == null) {
            return "";
        }
        if (!(value.getValue() instanceof String text)) {
            throw new ErroneousAnnotationException();
        }
        return text;
    }

    private static String enumValue(AnnotationMirror annotation, String attribute, String defaultValue) {
        AnnotationValue value = Origin.value(annotation, attribute);
        if (value == null) {
            return defaultValue;
        }
        if (!(value.getValue() instanceof VariableElement constant)) {
            throw new ErroneousAnnotationException();
        }
        return constant.getSimpleName().toString();
    }

    /** An annotation value the compiler could not resolve; the compiler reports it. */
    private static final class ErroneousAnnotationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ErroneousAnnotationException() {
            super(null, null, false, false);
        }
    }
}

package io.kustotyped.processor.model;

import com.palantir.javapoet.ClassName;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import io.kustotyped.processor.validation.Diagnostic;
import io.kustotyped.processor.validation.KustoNames;
import io.kustotyped.processor.validation.Reporter;
import io.kustotyped.processor.validation.TypeRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @KustoTable} class into a {@link TableModel}, using only the compiler's {@link Elements} and
 * {@link Types}, and reports every rule it breaks through the {@link Reporter}.
 */
public final class ModelReader {

    static final String KUSTO_TABLE = "io.kustotyped.annotations.KustoTable";

    private final Elements elements;
    private final Reporter reporter;
    private final PropertyScanner scanner;
    private final TypeMapper mapper;

    public ModelReader(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
        this.scanner = new PropertyScanner(types, reporter);
        this.mapper = new TypeMapper(elements, types, reporter, scanner);
    }

    /**
     * Reads {@code type}.
     *
     * @return the model, or empty when an error was reported (nothing must be generated then)
     * @throws UnresolvedTypeException when a property type is not resolved yet; the caller defers the table
     */
    public Optional<TableModel> read(TypeElement type) throws UnresolvedTypeException {
        try {
            return readChecked(type);
        } catch (ErroneousAnnotationException e) {
            return Optional.empty();
        }
    }

    private Optional<TableModel> readChecked(TypeElement type) throws UnresolvedTypeException {
        int errorsBefore = reporter.errorCount();
        AnnotationMirror table = PropertyScanner.annotation(type, KUSTO_TABLE);
        if (!checkClass(type, table)) {
            return Optional.empty();
        }
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        mapper.setPackage(packageName);
        String owner = type.getQualifiedName().toString();

        String tableName = stringValue(table, "name");
        if (tableName.isEmpty()) {
            tableName = type.getSimpleName().toString();
        }
        checkName(type, table, "name", tableName, Diagnostic.INVALID_TABLE_NAME, owner);
        Optional<String> database = optional(stringValue(table, "database"));
        database.ifPresent(d -> checkName(type, table, "database", d, Diagnostic.INVALID_DATABASE_NAME, owner));
        Optional<String> mappingName = optional(stringValue(table, "mappingName"));
        mappingName.ifPresent(m -> checkName(type, table, "mappingName", m, Diagnostic.INVALID_MAPPING_NAME, owner));

        List<PropertyScanner.RawProperty> properties = scanner.scan(type, (DeclaredType) type.asType());
        List<ColumnModel> columns = new ArrayList<>();
        Map<String, PropertyScanner.RawProperty> byColumn = new LinkedHashMap<>();
        for (PropertyScanner.RawProperty property : properties) {
            ColumnModel column = column(property, owner);
            if (column == null) {
                continue;
            }
            PropertyScanner.RawProperty first = byColumn.putIfAbsent(column.columnName(), property);
            if (first != null) {
                reporter.error(
                        property.columnSite() != null ? property.columnSite() : property.element(),
                        property.column(),
                        value(property.column(), "name"),
                        Diagnostic.DUPLICATE_COLUMN,
                        first.name(),
                        property.name(),
                        owner,
                        column.columnName());
                continue;
            }
            columns.add(column);
        }
        if (properties.isEmpty() && reporter.errorCount() == errorsBefore) {
            reporter.error(type, Diagnostic.NO_COLUMNS, owner);
        }
        if (reporter.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new TableModel(
                type,
                ClassName.get(type),
                isPublic(type),
                tableName,
                database,
                mappingName,
                optional(stringValue(table, "folder")),
                optional(stringValue(table, "docString")),
                columns));
    }

    private boolean checkClass(TypeElement type, AnnotationMirror table) {
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            String kind = switch (type.getKind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enum";
                case ANNOTATION_TYPE -> "annotation type";
                default -> type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
            };
            reporter.error(type, table, null, Diagnostic.NOT_A_CLASS, kind, name);
            return false;
        }
        boolean ok = true;
        if (!type.getTypeParameters().isEmpty()) {
            reporter.error(type, Diagnostic.GENERIC_CLASS, name, type.getSimpleName());
            ok = false;
        }
        if (type.getNestingKind() == NestingKind.MEMBER
                && type.getKind() == ElementKind.CLASS
                && !type.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(type, Diagnostic.INNER_CLASS, name);
            ok = false;
        }
        boolean hidden = type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS;
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            hidden |= e.getModifiers().contains(Modifier.PRIVATE);
        }
        if (hidden) {
            reporter.error(
                    type,
                    Diagnostic.NOT_ACCESSIBLE,
                    name,
                    elements.getPackageOf(type).getQualifiedName());
            ok = false;
        }
        return ok;
    }

    private ColumnModel column(PropertyScanner.RawProperty property, String owner) throws UnresolvedTypeException {
        AnnotationMirror annotation = property.column();
        Element site = property.columnSite() != null ? property.columnSite() : property.element();
        ValueType valueType;
        try {
            valueType =
                    mapper.map(property.type(), new TypeMapper.Site(site, annotation, null, property.name(), owner));
        } catch (UnresolvedTypeException e) {
            throw new UnresolvedTypeException(property.name(), e.typeName());
        }
        String columnName = stringValue(annotation, "name");
        if (columnName.isEmpty()) {
            columnName = property.name();
        }
        Optional<String> nameProblem = KustoNames.problem(columnName);
        if (nameProblem.isPresent()) {
            reporter.error(
                    site,
                    annotation,
                    value(annotation, "name"),
                    Diagnostic.INVALID_COLUMN_NAME,
                    columnName,
                    property.name(),
                    owner,
                    nameProblem.get());
            return null;
        }
        if (valueType == null) {
            return null;
        }
        KustoType inferred = valueType.inferredKustoType();
        KustoType requested = KustoType.valueOf(enumValue(annotation, "type", "AUTO"));
        KustoTransform transform = KustoTransform.valueOf(enumValue(annotation, "transform", "NONE"));
        if (transform != KustoTransform.NONE) {
            ScalarKind kind = valueType.scalarKind();
            String problem = null;
            if (kind == null || !kind.isNumber()) {
                problem = "its type " + property.type() + " is not a number";
            } else if (requested != KustoType.AUTO && requested != KustoType.DATETIME) {
                problem = "@Column(type = KustoType." + requested + ") contradicts the datetime column it makes";
            }
            if (problem != null) {
                reporter.error(
                        site,
                        annotation,
                        value(annotation, "transform"),
                        Diagnostic.TRANSFORM_MISMATCH,
                        transform,
                        property.name(),
                        owner,
                        "an int, long, float or double value (or a box or OptionalInt/Long/Double of one)",
                        problem);
                return null;
            }
            return new ColumnModel(
                    property.name(),
                    columnName,
                    property.element(),
                    property.accessor(),
                    valueType,
                    KustoType.DATETIME,
                    transform);
        }
        KustoType kustoType = inferred;
        if (requested != KustoType.AUTO) {
            Set<KustoType> allowed = TypeRules.allowed(valueType.scalarKind());
            if (!allowed.contains(requested)) {
                reporter.error(
                        site,
                        annotation,
                        value(annotation, "type"),
                        Diagnostic.TYPE_MISMATCH,
                        requested,
                        property.name(),
                        owner,
                        property.type(),
                        inferred.kqlName(),
                        allowed.stream().map(k -> "KustoType." + k).collect(Collectors.joining(", ")),
                        inferred.kqlName());
                return null;
            }
            kustoType = requested;
        }
        return new ColumnModel(
                property.name(), columnName, property.element(), property.accessor(), valueType, kustoType, transform);
    }

    private void checkName(
            TypeElement type,
            AnnotationMirror table,
            String attribute,
            String name,
            Diagnostic diagnostic,
            String owner) {
        KustoNames.problem(name)
                .ifPresent(problem ->
                        reporter.error(type, table, value(table, attribute), diagnostic, name, owner, problem));
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

    /** The explicitly given value of {@code attribute}, or {@code null} (annotation absent or default used). */
    static AnnotationValue value(AnnotationMirror annotation, String attribute) {
        if (annotation == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String stringValue(AnnotationMirror annotation, String attribute) {
        AnnotationValue value = value(annotation, attribute);
        if (value == null) {
            return "";
        }
        if (!(value.getValue() instanceof String text)) {
            throw new ErroneousAnnotationException();
        }
        return text;
    }

    private static String enumValue(AnnotationMirror annotation, String attribute, String defaultValue) {
        AnnotationValue value = value(annotation, attribute);
        if (value == null) {
            return defaultValue;
        }
        if (!(value.getValue() instanceof VariableElement constant)) {
            throw new ErroneousAnnotationException();
        }
        return constant.getSimpleName().toString();
    }

    /**
     * An annotation value the compiler could not resolve ({@code @Column(type = KustoType.TYPO)}): the compiler
     * reports it already, so the table is skipped without a second, confusing error.
     */
    private static final class ErroneousAnnotationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ErroneousAnnotationException() {
            super(null, null, false, false);
        }
    }
}

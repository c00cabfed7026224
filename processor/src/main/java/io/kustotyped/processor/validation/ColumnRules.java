package io.kustotyped.processor.validation;

import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.Origin;
import io.kustotyped.processor.model.ScalarKind;
import io.kustotyped.processor.model.TableModel;
import io.kustotyped.processor.model.TypeProblem;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * The rules for the columns of one table: every part of the type can be written, the name is legal, a
 * {@code @Column(type)} or {@code transform} fits the Java type, and no two columns share a name.
 */
final class ColumnRules {

    private final Reporter reporter;

    ColumnRules(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Checks every column of {@code table}; a column with an error takes no part in the duplicate check. */
    void check(TableModel table) {
        String owner = table.element().getQualifiedName().toString();
        Map<String, ColumnModel> byName = new HashMap<>();
        for (ColumnModel column : table.columns()) {
            if (!check(column, owner, table.rowType().packageName())) {
                continue;
            }
            ColumnModel first = byName.putIfAbsent(column.columnName(), column);
            if (first != null) {
                reporter.error(
                        column.origin().at("name"),
                        Diagnostic.DUPLICATE_COLUMN,
                        first.propertyName(),
                        column.propertyName(),
                        owner,
                        column.columnName());
            }
        }
    }

    private boolean check(ColumnModel column, String owner, String packageName) {
        column.typeProblems().forEach(problem -> report(problem, column, owner, packageName));
        Optional<String> nameProblem = KustoNameRules.problem(column.columnName());
        nameProblem.ifPresent(problem -> reporter.error(
                column.origin().at("name"),
                Diagnostic.INVALID_COLUMN_NAME,
                column.columnName(),
                column.propertyName(),
                owner,
                problem));
        if (nameProblem.isPresent() || column.valueType() == null) {
            return false;
        }
        return column.transform() != KustoTransform.NONE
                ? checkTransform(column, owner)
                : checkRequestedType(column, owner);
    }

    private boolean checkTransform(ColumnModel column, String owner) {
        ScalarKind kind = column.valueType().scalarKind();
        KustoType requested = column.requestedType();
        String problem = null;
        if (kind == null || !kind.isNumber()) {
            problem = "its type " + column.propertyType() + " is not a number";
        } else if (requested != KustoType.AUTO && requested != KustoType.DATETIME) {
            problem = "@Column(type = KustoType." + requested + ") contradicts the datetime column it makes";
        }
        if (problem == null) {
            return true;
        }
        reporter.error(
                column.origin().at("transform"),
                Diagnostic.TRANSFORM_MISMATCH,
                column.transform(),
                column.propertyName(),
                owner,
                "an int, long, float or double value (or a box or OptionalInt/Long/Double of one)",
                problem);
        return false;
    }

    private boolean checkRequestedType(ColumnModel column, String owner) {
        KustoType requested = column.requestedType();
        if (requested == KustoType.AUTO) {
            return true;
        }
        Set<KustoType> allowed = TypeRules.allowed(column.valueType().scalarKind());
        if (allowed.contains(requested)) {
            return true;
        }
        KustoType inferred = column.valueType().inferredKustoType();
        reporter.error(
                column.origin().at("type"),
                Diagnostic.TYPE_MISMATCH,
                requested,
                column.propertyName(),
                owner,
                column.propertyType(),
                inferred.kqlName(),
                allowed.stream().map(k -> "KustoType." + k).collect(Collectors.joining(", ")),
                inferred.kqlName());
        return false;
    }

    /** Reports a part of the column's type that cannot be written, on the column's {@code @Column} or element. */
    private void report(TypeProblem problem, ColumnModel column, String owner, String packageName) {
        Origin site = column.origin();
        if (problem instanceof TypeProblem.Unwritable unwritable) {
            reporter.error(
                    site,
                    Diagnostic.UNSUPPORTED_TYPE,
                    column.propertyName(),
                    owner,
                    unwritable.type(),
                    why(unwritable, packageName) + unwritable.path());
        } else if (problem instanceof TypeProblem.Recursive recursive) {
            reporter.error(
                    site,
                    Diagnostic.RECURSIVE_TYPE,
                    column.propertyName(),
                    owner,
                    recursive.typeName(),
                    String.join(" -> ", recursive.cycle()));
        } else if (problem instanceof TypeProblem.NestedAttribute nested) {
            reporter.error(
                    nested.origin(),
                    Diagnostic.NESTED_ATTRIBUTE,
                    nested.attribute(),
                    nested.property(),
                    nested.nestedType(),
                    nested.nestedType());
        }
    }

    private static String why(TypeProblem.Unwritable unwritable, String packageName) {
        return switch (unwritable.reason()) {
            case UNSUPPORTED -> "";
            case MAP_KEY ->
                " (map keys must be strings, enums, numbers, characters, booleans, UUIDs or Object, as JSON object "
                        + "keys are strings)";
            case INACCESSIBLE -> {
                Element type = unwritable.inaccessible();
                yield type.getModifiers().contains(Modifier.PRIVATE)
                        ? " (" + type + " is private)"
                        : " (" + type + " is not public and generated code lives in package '" + packageName + "')";
            }
        };
    }
}

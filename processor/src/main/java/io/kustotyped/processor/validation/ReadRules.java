package io.kustotyped.processor.validation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.processor.model.ColumnModel;
import io.kustotyped.processor.model.Creator;
import io.kustotyped.processor.model.GeneratedNames;
import io.kustotyped.processor.model.TableModel;
import io.kustotyped.processor.model.ValueType;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a table that passed {@link TableValidator} gets a generated reader: its class and every type nested
 * in its dynamic columns can be created (see {@link Creator}), and every collection, map and scalar type has a
 * reading. When not, that is no error: the table is written as before, and a NOTE on the class says why it cannot be
 * read.
 */
public final class ReadRules {

    private static final Set<String> DATETIMES = Set.of(
            "java.time.Instant",
            "java.time.OffsetDateTime",
            "java.time.ZonedDateTime",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.util.Date");

    private final Reporter reporter;

    public ReadRules(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Whether {@code table} can be read; when not, notes why on its class. */
    public boolean readable(TableModel table) {
        Optional<String> why = problem(table);
        why.ifPresent(reason -> reporter.note(
                table.element(),
                Diagnostic.NO_READER,
                table.element().getQualifiedName(),
                GeneratedNames.generated(table.rowType(), GeneratedNames.INGESTOR_SUFFIX)
                        .simpleName(),
                reason));
        return why.isEmpty();
    }

    /** Why {@code table} cannot be read, if it cannot. */
    static Optional<String> problem(TableModel table) {
        if (table.creator() instanceof Creator.None none) {
            return Optional.of(none.reason());
        }
        for (ColumnModel column : table.columns()) {
            TypeName javaType = column.valueType().javaType();
            TypeName unboxed = javaType.isBoxedPrimitive() ? javaType.unbox() : javaType;
            if (column.transform() != KustoTransform.NONE
                    && (unboxed.equals(TypeName.BYTE) || unboxed.equals(TypeName.SHORT))) {
                return Optional.of("property '" + column.propertyName() + "' is a " + unboxed
                        + " holding Unix time, which a reader does not narrow (use int or long)");
            }
            Optional<String> p = problem(column.valueType(), "property '" + column.propertyName() + "'");
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(ValueType type, String where) {
        if (type instanceof ValueType.Scalar scalar) {
            String name = raw(scalar.javaType()).toString();
            return switch (scalar.kind()) {
                case STRING ->
                    name.equals("java.lang.String") || name.equals("java.lang.CharSequence")
                            ? Optional.empty()
                            : Optional.of(where + " is a " + name + ", which a reader cannot create (use String)");
                case DATETIME ->
                    DATETIMES.contains(name)
                            ? Optional.empty()
                            : Optional.of(where + " is a " + name + ", which a reader cannot create (use Instant)");
                default -> Optional.empty();
            };
        } else if (type instanceof ValueType.OptionalOf optional) {
            return problem(optional.element(), where);
        } else if (type instanceof ValueType.ListOf list) {
            if (list.implementation() == null) {
                return Optional.of(where + " is a " + list.javaType()
                        + ", which a reader cannot create (use a List, Set or a collection class with a public "
                        + "no-argument constructor)");
            }
            return problem(list.element(), "an element of " + where);
        } else if (type instanceof ValueType.ArrayOf array) {
            if (array.element().javaType() instanceof ParameterizedTypeName
                    || array.element().javaType() instanceof ArrayTypeName a && hasTypeArguments(a)) {
                return Optional.of(where + " is an array of a generic type, which Java cannot create");
            }
            return problem(array.element(), "an element of " + where);
        } else if (type instanceof ValueType.MapOf map) {
            if (map.implementation() == null) {
                return Optional.of(where + " is a " + map.javaType()
                        + ", which a reader cannot create (use a Map or a map class with a public no-argument "
                        + "constructor)");
            }
            if (map.key() == ValueType.MapKey.STRING
                    && !raw(map.keyType()).toString().equals("java.lang.String")
                    && !raw(map.keyType()).toString().equals("java.lang.CharSequence")) {
                return Optional.of(where + " has keys of type " + map.keyType() + ", which a reader cannot create");
            }
            return problem(map.value(), "a value of " + where);
        } else if (type instanceof ValueType.Nested nested) {
            if (nested.creator() instanceof Creator.None none) {
                return Optional.of(none.reason());
            }
            for (ValueType.Property property : nested.properties()) {
                Optional<String> p =
                        problem(property.type(), "property '" + property.name() + "' of " + raw(nested.javaType()));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasTypeArguments(ArrayTypeName array) {
        TypeName component = array.componentType();
        return component instanceof ParameterizedTypeName
                || component instanceof ArrayTypeName a && hasTypeArguments(a);
    }

    private static TypeName raw(TypeName type) {
        return type instanceof ParameterizedTypeName p ? p.rawType() : type;
    }
}

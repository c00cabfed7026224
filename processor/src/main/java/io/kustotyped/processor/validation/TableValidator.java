package io.kustotyped.processor.validation;

import io.kustotyped.processor.model.Accessor;
import io.kustotyped.processor.model.Origin;
import io.kustotyped.processor.model.SkippedMember;
import io.kustotyped.processor.model.TableModel;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks one table read by the model reader against every rule that concerns the table alone, and reports what it
 * breaks: the class itself first (when it is not a usable class, nothing else is checked, to avoid a cascade), then
 * its names, the members passed over, and its columns ({@link ColumnRules}).
 */
public final class TableValidator {

    private final Reporter reporter;
    private final ColumnRules columns;

    public TableValidator(Reporter reporter) {
        this.reporter = reporter;
        this.columns = new ColumnRules(reporter);
    }

    /** Checks {@code table}; returns whether it passed (no error; warnings may have been reported). */
    public boolean validate(TableModel table) {
        int errorsBefore = reporter.errorCount();
        if (!checkClass(table)) {
            return false;
        }
        String owner = table.element().getQualifiedName().toString();
        checkName(table.origin().at("name"), table.tableName(), Diagnostic.INVALID_TABLE_NAME, owner);
        table.database()
                .ifPresent(d -> checkName(table.origin().at("database"), d, Diagnostic.INVALID_DATABASE_NAME, owner));
        table.mappingName()
                .ifPresent(m -> checkName(table.origin().at("mappingName"), m, Diagnostic.INVALID_MAPPING_NAME, owner));
        table.skipped().forEach(this::checkSkipped);
        columns.check(table);
        if (table.columns().isEmpty() && reporter.errorCount() == errorsBefore) {
            reporter.error(table.element(), Diagnostic.NO_COLUMNS, owner);
        }
        return reporter.errorCount() == errorsBefore;
    }

    private boolean checkClass(TableModel table) {
        TypeElement type = table.element();
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            String kind = switch (type.getKind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enum";
                case ANNOTATION_TYPE -> "annotation type";
                default -> type.getKind().toString().toLowerCase(Locale.ROOT);
            };
            reporter.error(table.origin(), Diagnostic.NOT_A_CLASS, kind, name);
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
                    type, Diagnostic.NOT_ACCESSIBLE, name, table.rowType().packageName());
            ok = false;
        }
        return ok;
    }

    private void checkName(Origin origin, String name, Diagnostic diagnostic, String owner) {
        KustoNameRules.problem(name).ifPresent(problem -> reporter.error(origin, diagnostic, name, owner, problem));
    }

    /**
     * A member that carries {@code @Column} but is not read is an error; a non-public field without a getter, which
     * is silently not a column, is a warning (unless it belongs to a JDK class the user cannot change).
     */
    private void checkSkipped(SkippedMember skipped) {
        Element member = skipped.member();
        String property = member.getSimpleName().toString();
        if (skipped.column() == null) {
            String owner = skipped.owner().getQualifiedName().toString();
            if (skipped.why() == SkippedMember.Why.NOT_PUBLIC
                    && !owner.startsWith("java.")
                    && !owner.startsWith("javax.")) {
                reporter.warning(
                        Origin.of(member),
                        Diagnostic.SKIPPED_FIELD,
                        property,
                        owner,
                        Accessor.getterName(property, member.asType()));
            }
            return;
        }
        String problem = switch (skipped.why()) {
            case STATIC -> "is static";
            case TRANSIENT -> "is transient, and transient fields are left out";
            case NOT_A_GETTER -> "is not a public, non-static getter without parameters";
            case NOT_PUBLIC -> "is not public and has no public getter";
        };
        String fix = switch (skipped.why()) {
            case STATIC -> "remove @Column, or make it an instance field";
            case TRANSIENT -> "remove @Column, or remove 'transient'";
            case NOT_A_GETTER -> "put @Column on a getter getX() or isX(), or on a field";
            case NOT_PUBLIC ->
                "make it public, or add a public getter " + Accessor.getterName(property, member.asType()) + "()";
        };
        reporter.error(
                Origin.of(member, skipped.column()),
                Diagnostic.UNREADABLE,
                member.getKind() == ElementKind.METHOD ? "Method" : "Field",
                property,
                skipped.owner().getQualifiedName(),
                "Column",
                problem,
                fix);
    }
}

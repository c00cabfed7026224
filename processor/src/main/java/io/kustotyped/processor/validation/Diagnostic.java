package io.kustotyped.processor.validation;

/**
 * Every compile error and warning the processor reports. Each has a stable key, printed in brackets at the start of the message
 * ({@code [KustoTable/GenericClass] ...}), so that users and tests can recognise it; the message names the element
 * and says how to fix it.
 */
public enum Diagnostic {
    NOT_A_CLASS(
            "KustoTable/NotAClass",
            "@KustoTable goes on a record or a class, not on %s %s. Move it to the record or class that describes one row."),
    GENERIC_CLASS(
            "KustoTable/GenericClass",
            "@KustoTable class %s is generic. A table's columns need fixed types: declare a non-generic class, e.g. "
                    + "'record MyRow(...)' or 'class MyRow extends %s<ConcreteType>'."),
    INNER_CLASS(
            "KustoTable/InnerClass",
            "@KustoTable class %s is an inner (non-static) class. Generated code cannot create or read it without an "
                    + "enclosing instance: declare it 'static'."),
    NOT_ACCESSIBLE(
            "KustoTable/NotAccessible",
            "@KustoTable class %s is private (or nested in a private class). The generated classes live next to it in "
                    + "package '%s': make it package-private or public."),
    INVALID_TABLE_NAME(
            "KustoTable/InvalidName",
            "Table name \"%s\" of %s is not a legal Kusto name: %s. Set @KustoTable(name = \"...\") to a name of "
                    + "letters, digits, '_', ' ', '.' or '-'."),
    INVALID_MAPPING_NAME(
            "KustoTable/InvalidMappingName",
            "Mapping name \"%s\" of %s is not a legal Kusto name: %s. Use letters, digits, '_', ' ', '.' or '-', or "
                    + "leave mappingName empty for the default '<Table>_<hash>'."),
    INVALID_DATABASE_NAME(
            "KustoTable/InvalidDatabaseName",
            "Database name \"%s\" of %s is not a legal Kusto name: %s. Use letters, digits, '_', ' ', '.' or '-', or "
                    + "leave database empty and pass the database to the ingestor's create(client, database)."),
    DUPLICATE_TABLE(
            "KustoTable/DuplicateTable",
            "Table name \"%s\" of %s is already used by %s in this compilation (names are compared ignoring case, "
                    + "as the scripts' file names are). Two classes would write different META-INF/kusto/%s.kql "
                    + "scripts and schemas for one table: give one of them another @KustoTable(name = ...)."),
    GENERATED_NAME_CLASH(
            "KustoTable/GeneratedNameClash",
            "The classes generated for %s would be named %s, like those of %s. Rename one of the two classes."),
    NO_COLUMNS(
            "KustoTable/NoColumns",
            "@KustoTable class %s has no columns. Columns are record components, public getters and public non-static, "
                    + "non-transient fields that are not @KustoIgnore'd: add at least one."),
    UNRESOLVED_TYPE(
            "KustoTable/UnresolvedType",
            "Did not generate code for @KustoTable class %s because the type of property '%s' could not be resolved "
                    + "(%s). Fix the missing type (a missing import or dependency?) and compile again."),
    INTERNAL_ERROR(
            "KustoTable/InternalError",
            "Bug in the kusto-typed processor while processing %s: %s. Please report it with this class; the "
                    + "stack trace is: %s"),
    UNSUPPORTED_TYPE(
            "Column/UnsupportedType",
            "Property '%s' of %s has type %s, which kusto-typed cannot write%s. Supported are primitives and their boxes, "
                    + "String/CharSequence, enums, BigDecimal, BigInteger, java.time datetimes, Date, Duration, UUID, "
                    + "byte[], Optional*, Map, Iterable, arrays, JsonNode, Object and nested records/classes: change the "
                    + "type, or leave the property out with @KustoIgnore."),
    UNREADABLE(
            "Column/Unreadable",
            "%s '%s' of %s carries @%s but %s. Generated code reads properties through record components, public "
                    + "getters (getX()/isX()) and public non-static, non-transient fields: %s."),
    DUPLICATE_COLUMN(
            "Column/DuplicateName",
            "Properties '%s' and '%s' of %s both map to column \"%s\". Column names must be unique: give one of them "
                    + "another @Column(name = ...), or leave it out with @KustoIgnore."),
    INVALID_COLUMN_NAME(
            "Column/InvalidName",
            "Column name \"%s\" of property '%s' in %s is not a legal Kusto name: %s. Set @Column(name = \"...\") to a "
                    + "name of letters, digits, '_', ' ', '.' or '-'."),
    TYPE_MISMATCH(
            "Column/TypeMismatch",
            "@Column(type = KustoType.%s) does not fit property '%s' of %s, whose Java type %s is written as a Kusto %s. "
                    + "Allowed here: %s. Change the type, or remove it to infer %s."),
    TRANSFORM_MISMATCH(
            "Column/TransformMismatch",
            "@Column(transform = KustoTransform.%s) on property '%s' of %s needs %s, but %s. "
                    + "Use it on an int, long, float or double property holding Unix time, or remove it."),
    RECURSIVE_TYPE(
            "Column/RecursiveType",
            "Property '%s' of %s holds type %s, which contains itself (%s). A dynamic column is written as a finite JSON "
                    + "tree: break the cycle, or leave the property out with @KustoIgnore."),
    SKIPPED_FIELD(
            "Column/SkippedField",
            "Field '%s' of %s is not public and has no public getter, so it is not a column and its value is not "
                    + "written. To write it, make it public or add a public getter %s(); to leave it out without this "
                    + "warning, mark it @KustoIgnore or 'transient'."),
    NESTED_ATTRIBUTE(
            "Column/NestedAttribute",
            "@Column(%s) on property '%s' of %s has no effect: %s is written inside a dynamic column, where only "
                    + "@Column(name) applies. Remove the attribute."),
    NO_READER(
            "KustoTable/NoReader",
            "%s gets no generated reader, so %s has no query(...): %s. To read query results into it, make it a "
                    + "record, or give it a public no-argument constructor and a public setter (or public non-final "
                    + "field) for every property.");

    private final String key;
    private final String template;

    Diagnostic(String key, String template) {
        this.key = key;
        this.template = template;
    }

    /** The message, with its key in brackets in front. */
    public String format(Object... args) {
        return "[" + key + "] " + String.format(template, args);
    }
}

package io.kustotyped.emulator.kql;

import java.util.List;

/**
 * A parsed query of the emulator's KQL subset: a table name followed by piped operators. Pure syntax; the
 * {@link QueryExecutor} binds names and types against the table.
 *
 * @param table the source table name (unquoted)
 * @param tablePosition where the name appears, for error messages
 * @param operators the operators in order
 */
record Query(String table, int tablePosition, List<Op> operators) {

    /** A tabular operator after {@code |}. */
    sealed interface Op {}

    /** {@code count}. */
    record Count() implements Op {}

    /** {@code take N} / {@code limit N}. */
    record Take(long count) implements Op {}

    /** {@code where predicate}. */
    record Where(Expr predicate) implements Op {}

    /** One output column of {@code project}: {@code name} alone, or {@code alias = expr}. */
    record ProjectItem(String name, Expr expr) {}

    /** {@code project a, b = c}. */
    record Project(List<ProjectItem> items) implements Op {}

    /** {@code extend name = expr, ...}: adds (or replaces) columns. */
    record Extend(List<ProjectItem> items) implements Op {}

    /** A sort key; {@code nullsFirst} null means Kusto's default (nulls first for asc, last for desc). */
    record SortKey(Expr expr, boolean ascending, Boolean nullsFirst) {}

    /** {@code order by}/{@code sort by} keys; the default direction is descending, as in Kusto. */
    record Sort(List<SortKey> keys) implements Op {}

    /** {@code top N by key}. */
    record Top(long count, SortKey key) implements Op {}

    /**
     * One aggregate of {@code summarize}: {@code [name =] fn([argument])}; {@code name} null means Kusto's default
     * name ({@code count_}, {@code max_Col}, ...); {@code argument} null for {@code count()}.
     */
    record Aggregate(String name, String function, Expr argument, int position) {}

    /** {@code summarize aggregates [by columns]}; each group-by item is {@code [alias =] column}. */
    record Summarize(List<Aggregate> aggregates, List<ProjectItem> by) implements Op {}

    /** {@code getschema}. */
    record GetSchema() implements Op {}

    /** {@code distinct a, b}. */
    record Distinct(List<ProjectItem> columns) implements Op {}

    /** A scalar expression. */
    sealed interface Expr {
        /** Offset in the query text, for error messages. */
        int position();
    }

    /** A literal with a Java value: Long, Double, String, Boolean; or a timespan literal such as {@code 1d}. */
    record Literal(Object value, LiteralKind kind, int position) implements Expr {}

    /** What kind of plain literal. */
    enum LiteralKind {
        LONG,
        REAL,
        STRING,
        BOOL,
        TIMESPAN
    }

    /** {@code type(raw)}: {@code datetime(...)}, {@code guid(...)}, {@code int(null)}, {@code dynamic(...)}, ... */
    record TypedLiteral(String type, String raw, int position) implements Expr {}

    /** Access into a dynamic value: {@code key} is a property name (String) or an array index (Long). */
    record Member(Expr target, Object key, int position) implements Expr {}

    /** A column reference. */
    record ColumnRef(String name, int position) implements Expr {}

    /**
     * A binary operator: comparison ({@code == != < > <= >= =~ !~}), string ({@code contains}, {@code startswith},
     * {@code endswith}, {@code has}, their {@code _cs} and {@code !} forms) or logical ({@code and or}).
     */
    record Binary(String operator, Expr left, Expr right, int position) implements Expr {}

    /** {@code x in (a, b, ...)} or {@code x !in (...)}. */
    record In(Expr operand, List<Expr> values, boolean negated, int position) implements Expr {}

    /** A negated number literal or expression: {@code -x}. */
    record Negate(Expr operand, int position) implements Expr {}

    /** A function call such as {@code isnull(x)} or {@code not(x)}. */
    record Call(String function, List<Expr> arguments, int position) implements Expr {}
}

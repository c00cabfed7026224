package io.kustotyped.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record or class as the row type of a Kusto table. At compile time the kusto-typed processor generates,
 * next to {@code com.acme.Order}:
 * <ul>
 *   <li>{@code com.acme.OrderJsonWriter}: writes one row as one compact JSON object, without reflection;</li>
 *   <li>{@code com.acme.OrderKustoSchema}: the table and mapping DDL as constants, and the table's descriptor;</li>
 *   <li>{@code com.acme.OrderIngestor}: the typed streaming ingestor;</li>
 *   <li>the resource {@code META-INF/kusto/<table name>.kql}: the DDL commands, one per blank-line-separated block.</li>
 * </ul>
 * A nested class {@code Outer.Inner} gets {@code Outer_InnerJsonWriter} and so on.
 *
 * <p>The class must be a top-level or {@code static} nested record or class, not generic and not private. Its columns
 * are its properties, in declaration order (inherited ones first): the record components of a record; or the public
 * getters ({@code getX()}, or {@code isX()} returning {@code boolean}/{@code Boolean}, inherited ones included) and
 * public non-static, non-transient fields of a class. When a field and a getter have the same property name, the
 * getter is used. See {@link Column} for the Java-to-Kusto type table and {@link KustoIgnore} to leave a property out.
 *
 * <p>Table, column and mapping names must be legal Kusto names: 1 to 1024 letters, digits, {@code _}, spaces,
 * {@code .} or {@code -}, neither starting nor ending with {@code __}. Every such name works: the generated DDL quotes
 * them all.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KustoTable {

    /**
     * The table name (case-sensitive).
     *
     * @return the table name; empty (the default) means the simple name of the class
     */
    String name() default "";

    /**
     * The database the generated ingestor writes to when none is given. When set, the ingestor gets the factories
     * {@code create(client)} and {@code create(client, options)}; when not, only those taking a database.
     *
     * @return the default database; empty (the default) means none
     */
    String database() default "";

    /**
     * The name of the JSON ingestion mapping.
     *
     * @return the mapping name; empty (the default) means {@code <Table>_} followed by the first 8 hex digits of the
     *     SHA-256 of the mapping JSON, so that a changed class never writes through a stale mapping and two versions of
     *     an application can ingest side by side during a rolling deploy
     */
    String mappingName() default "";

    /**
     * The folder of the table, as {@code .create-merge table ... with (folder="...")} sets it.
     *
     * @return the folder; empty (the default) means none
     */
    String folder() default "";

    /**
     * The documentation string of the table, as {@code .create-merge table ... with (docstring="...")} sets it.
     *
     * @return the docstring; empty (the default) means none
     */
    String docString() default "";
}

package io.kustotyped.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures the column of one property of a {@link KustoTable} class. Properties without it are columns too, named
 * after the property. Put it on a record component, a public field or a public getter; on a class, it may also sit on
 * the private field behind a public getter.
 *
 * <p>Inferred Kusto types ({@link KustoType#AUTO}):
 * <table>
 *   <caption>Java type to Kusto type</caption>
 *   <tr><th>Java</th><th>Kusto</th></tr>
 *   <tr><td>{@code boolean}, {@code Boolean}</td><td>bool</td></tr>
 *   <tr><td>{@code byte}, {@code short}, {@code int} and their boxes</td><td>int</td></tr>
 *   <tr><td>{@code long}, {@code Long}</td><td>long</td></tr>
 *   <tr><td>{@code float}, {@code double} and their boxes</td><td>real (NaN and infinities are written as the
 *       strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"})</td></tr>
 *   <tr><td>{@code BigDecimal}, {@code BigInteger}</td><td>decimal (no digit is lost)</td></tr>
 *   <tr><td>{@code String}, {@code CharSequence}, {@code char}, {@code Character}, enums (their {@code name()})</td>
 *       <td>string</td></tr>
 *   <tr><td>{@code byte[]}</td><td>string holding standard base64</td></tr>
 *   <tr><td>{@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code java.util.Date}</td>
 *       <td>datetime (converted to UTC)</td></tr>
 *   <tr><td>{@code LocalDateTime}, {@code LocalDate} (midnight)</td><td>datetime, read as UTC: Kusto reads a
 *       datetime without a zone as UTC</td></tr>
 *   <tr><td>{@code Duration}</td><td>timespan</td></tr>
 *   <tr><td>{@code UUID}</td><td>guid</td></tr>
 *   <tr><td>{@code Map}, {@code List}, {@code Set} (any {@code Iterable}), arrays, nested records and classes, Jackson
 *       {@code JsonNode}, {@code Object}, {@code Number}</td><td>dynamic</td></tr>
 * </table>
 * {@code Optional}, {@code OptionalInt}, {@code OptionalLong} and {@code OptionalDouble} map like the type they hold;
 * empty is written as null. Any other type is a compile error on the property.
 *
 * <p>Inside a dynamic column, nested records and classes are written as JSON objects keyed by their property names
 * (or by {@code @Column(name)}, the only attribute used there); {@link KustoIgnore} works there too.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /**
     * The column name (case-sensitive), also the key of the property in the JSON the writer produces.
     *
     * @return the column name; empty (the default) means the property name
     */
    String name() default "";

    /**
     * The Kusto type of the column. An explicit type must fit the Java type: a widening ({@code int} to
     * {@code long}, {@code real} or {@code decimal}; {@code long} to {@code real} or {@code decimal}), a text form
     * ({@code string} for datetimes, durations and UUIDs; {@code datetime}, {@code timespan}, {@code guid} or
     * {@code decimal} for strings Kusto parses), or {@code dynamic} for anything. Anything else is a compile error.
     *
     * @return the Kusto type; {@link KustoType#AUTO} (the default) infers it from the Java type
     */
    KustoType type() default KustoType.AUTO;

    /**
     * A mapping transformation. The {@code DATETIME_FROM_UNIX_*} transforms apply to numeric properties and make the
     * column a {@code datetime}; the writer writes the number as it is.
     *
     * @return the transformation; {@link KustoTransform#NONE} (the default) means none
     */
    KustoTransform transform() default KustoTransform.NONE;
}

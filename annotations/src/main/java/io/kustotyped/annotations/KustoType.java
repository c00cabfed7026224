package io.kustotyped.annotations;

/**
 * The Kusto scalar types a column can have (docs/kusto-rules.md §4.1).
 *
 * <p>{@link #AUTO}, the default of {@link Column#type()}, means "infer from the Java type": see {@link Column}
 * for the table of inferred types.
 */
public enum KustoType {
    /** Infer the Kusto type from the Java type of the property. */
    AUTO(null),
    /** {@code bool}: true, false or null. */
    BOOL("bool"),
    /** {@code int}: signed 32-bit integer. */
    INT("int"),
    /** {@code long}: signed 64-bit integer. */
    LONG("long"),
    /** {@code real}: IEEE 754 double. */
    REAL("real"),
    /** {@code decimal}: 128-bit decimal. */
    DECIMAL("decimal"),
    /** {@code string}: UTF-8 text; Kusto stores null as the empty string. */
    STRING("string"),
    /** {@code datetime}: a UTC instant with 100 ns precision, years 0001 to 9999. */
    DATETIME("datetime"),
    /** {@code timespan}: a duration with 100 ns precision. */
    TIMESPAN("timespan"),
    /** {@code guid}: a 128-bit UUID. */
    GUID("guid"),
    /** {@code dynamic}: any JSON value (object, array, number, string, bool or null). */
    DYNAMIC("dynamic");

    private final String kqlName;

    KustoType(String kqlName) {
        this.kqlName = kqlName;
    }

    /**
     * The name of this type in KQL DDL ({@code string}, {@code datetime}, ...).
     *
     * @return the KQL type name
     * @throws IllegalStateException for {@link #AUTO}, which is not a Kusto type
     */
    public String kqlName() {
        if (kqlName == null) {
            throw new IllegalStateException("KustoType.AUTO is not a Kusto type; it means 'infer from the Java type'");
        }
        return kqlName;
    }
}

package io.kustotyped.annotations;

/**
 * A transformation the ingestion mapping applies to a column's JSON value (docs/kusto-rules.md §3.4).
 *
 * <p>The {@code DATETIME_FROM_UNIX_*} transforms let a numeric property ({@code int}, {@code long}, {@code float},
 * {@code double}, their boxes, or {@code OptionalInt}/{@code OptionalLong}/{@code OptionalDouble}) holding a count of
 * Unix time units since 1970-01-01T00:00:00Z fill a {@code datetime} column. The writer sends the number as it is;
 * Kusto converts it on ingestion.
 */
public enum KustoTransform {
    /** No transformation: the JSON value is converted to the column type as it is. */
    NONE(null),
    /** Seconds since the Unix epoch, to a UTC {@code datetime}. */
    DATETIME_FROM_UNIX_SECONDS("DateTimeFromUnixSeconds"),
    /** Milliseconds since the Unix epoch, to a UTC {@code datetime}. */
    DATETIME_FROM_UNIX_MILLISECONDS("DateTimeFromUnixMilliseconds"),
    /** Microseconds since the Unix epoch, to a UTC {@code datetime}. */
    DATETIME_FROM_UNIX_MICROSECONDS("DateTimeFromUnixMicroseconds"),
    /** Nanoseconds since the Unix epoch, to a UTC {@code datetime}. */
    DATETIME_FROM_UNIX_NANOSECONDS("DateTimeFromUnixNanoseconds");

    private final String mappingName;

    KustoTransform(String mappingName) {
        this.mappingName = mappingName;
    }

    /**
     * The name of the transformation as the JSON mapping writes it ({@code "Transform":"DateTimeFromUnixSeconds"}).
     *
     * @return the mapping name
     * @throws IllegalStateException for {@link #NONE}
     */
    public String mappingName() {
        if (mappingName == null) {
            throw new IllegalStateException("KustoTransform.NONE has no mapping name");
        }
        return mappingName;
    }
}

package io.kustotyped.processor.model;

import io.kustotyped.annotations.KustoType;

/**
 * A Java type written as one JSON scalar (or, for {@link #JSON_NODE} and {@link #OBJECT}, a value the runtime
 * dispatches on), with the Kusto type it infers.
 */
public enum ScalarKind {
    /** {@code boolean}, {@code Boolean}. */
    BOOL(KustoType.BOOL),
    /** {@code byte}, {@code short}, {@code int} and their boxes. */
    INT(KustoType.INT),
    /** {@code long}, {@code Long}. */
    LONG(KustoType.LONG),
    /** {@code float}, {@code Float}. */
    FLOAT(KustoType.REAL),
    /** {@code double}, {@code Double}. */
    DOUBLE(KustoType.REAL),
    /** {@code BigDecimal}. */
    BIG_DECIMAL(KustoType.DECIMAL),
    /** {@code BigInteger}. */
    BIG_INTEGER(KustoType.DECIMAL),
    /** {@code String} and every other {@code CharSequence}. */
    STRING(KustoType.STRING),
    /** {@code char}, {@code Character}. */
    CHAR(KustoType.STRING),
    /** {@code char[]}, written as one string. */
    CHARS(KustoType.STRING),
    /** Any enum, written as its {@code name()}. */
    ENUM(KustoType.STRING),
    /** {@code byte[]}, written as a base64 string. */
    BYTES(KustoType.STRING),
    /** Instant, OffsetDateTime, ZonedDateTime, LocalDate, LocalDateTime, java.util.Date and subclasses. */
    DATETIME(KustoType.DATETIME),
    /** {@code Duration}. */
    TIMESPAN(KustoType.TIMESPAN),
    /** {@code UUID}. */
    GUID(KustoType.GUID),
    /** Jackson {@code JsonNode} and subclasses. */
    JSON_NODE(KustoType.DYNAMIC),
    /** {@code Object} or {@code Number}: dispatched at run time by {@code JsonOutput.dynamic(Object)}. */
    OBJECT(KustoType.DYNAMIC);

    private final KustoType kustoType;

    ScalarKind(KustoType kustoType) {
        this.kustoType = kustoType;
    }

    /** The Kusto type a column of this kind gets unless overridden. */
    public KustoType kustoType() {
        return kustoType;
    }

    /** Whether a {@code DateTimeFromUnix*} transform can apply to it. */
    public boolean isNumber() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }
}

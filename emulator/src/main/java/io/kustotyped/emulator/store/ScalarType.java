package io.kustotyped.emulator.store;

import java.util.Locale;
import java.util.Map;

/** The Kusto scalar column types, with their names in KQL, in schema JSON and in v1 responses (docs/kusto-rules.md §4.1). */
public enum ScalarType {
    /** {@code bool}. */
    BOOL("bool", "System.Boolean", "Boolean"),
    /** {@code int}, 32-bit. */
    INT("int", "System.Int32", "Int32"),
    /** {@code long}, 64-bit. */
    LONG("long", "System.Int64", "Int64"),
    /** {@code real}, an IEEE double. */
    REAL("real", "System.Double", "Double"),
    /** {@code decimal}, 128-bit. */
    DECIMAL("decimal", "System.Data.SqlTypes.SqlDecimal", "Decimal"),
    /** {@code string}, never null. */
    STRING("string", "System.String", "String"),
    /** {@code datetime}, UTC, 100 ns ticks. */
    DATETIME("datetime", "System.DateTime", "DateTime"),
    /** {@code timespan}, 100 ns ticks. */
    TIMESPAN("timespan", "System.TimeSpan", "TimeSpan"),
    /** {@code guid}. */
    GUID("guid", "System.Guid", "Guid"),
    /** {@code dynamic}: any JSON value. */
    DYNAMIC("dynamic", "System.Object", "Object");

    // docs/kusto-rules.md §4.1: the aliases the parser accepts.
    private static final Map<String, ScalarType> BY_NAME = Map.ofEntries(
            Map.entry("bool", BOOL),
            Map.entry("boolean", BOOL),
            Map.entry("int", INT),
            Map.entry("int32", INT),
            Map.entry("uint", INT),
            Map.entry("uint32", INT),
            Map.entry("int8", INT),
            Map.entry("uint8", INT),
            Map.entry("int16", INT),
            Map.entry("uint16", INT),
            Map.entry("long", LONG),
            Map.entry("int64", LONG),
            Map.entry("ulong", LONG),
            Map.entry("uint64", LONG),
            Map.entry("real", REAL),
            Map.entry("double", REAL),
            Map.entry("float", REAL),
            Map.entry("decimal", DECIMAL),
            Map.entry("string", STRING),
            Map.entry("datetime", DATETIME),
            Map.entry("date", DATETIME),
            Map.entry("timespan", TIMESPAN),
            Map.entry("time", TIMESPAN),
            Map.entry("guid", GUID),
            Map.entry("uuid", GUID),
            Map.entry("uniqueid", GUID),
            Map.entry("dynamic", DYNAMIC));

    private final String cslName;
    private final String dotNetName;
    private final String v1DataType;

    ScalarType(String cslName, String dotNetName, String v1DataType) {
        this.cslName = cslName;
        this.dotNetName = dotNetName;
        this.v1DataType = v1DataType;
    }

    /**
     * Parses a type name or one of its aliases (case-insensitive), e.g. {@code "int64"} gives {@link #LONG}.
     *
     * @param text the type name
     * @return the type, or {@code null} when the name is not a Kusto scalar type
     */
    public static ScalarType parse(String text) {
        if (text == null) {
            return null;
        }
        return BY_NAME.get(text.trim().toLowerCase(Locale.ROOT));
    }

    /** @return the KQL name: {@code "bool"}, {@code "int"}, ... */
    public String cslName() {
        return cslName;
    }

    /** @return the .NET type name used in schema JSON: {@code "System.Boolean"}, ... */
    public String dotNetName() {
        return dotNetName;
    }

    /** @return the v1 response {@code DataType}: {@code "Boolean"}, {@code "Int32"}, ... (docs/kusto-rules.md §6.2) */
    public String v1DataType() {
        return v1DataType;
    }
}

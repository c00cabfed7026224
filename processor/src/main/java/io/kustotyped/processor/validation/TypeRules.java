package io.kustotyped.processor.validation;

import io.kustotyped.annotations.KustoType;
import io.kustotyped.processor.model.ScalarKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which {@code @Column(type = ...)} overrides fit which Java values: the inferred type, {@code dynamic} (any JSON value
 * is stored as it is, docs/kusto-rules.md §4.2), widenings of JSON numbers, and the text forms Kusto documents parsing from
 * JSON strings (docs/kusto-rules.md §4.2). BigDecimal and BigInteger are written as JSON strings, which only decimal (and
 * dynamic) columns are documented to convert, so they cannot be declared real.
 */
public final class TypeRules {

    private TypeRules() {}

    /**
     * The Kusto types a column holding {@code kind} may be declared as; {@code kind} is {@code null} for structures
     * (maps, iterables, arrays, nested types), which fit {@code dynamic} only.
     */
    public static Set<KustoType> allowed(ScalarKind kind) {
        Set<KustoType> result = EnumSet.of(KustoType.DYNAMIC);
        if (kind == null) {
            return result;
        }
        result.add(kind.kustoType());
        switch (kind) {
            case INT -> result.addAll(EnumSet.of(KustoType.LONG, KustoType.REAL, KustoType.DECIMAL));
            case LONG -> result.addAll(EnumSet.of(KustoType.REAL, KustoType.DECIMAL));
            // docs/kusto-rules.md §4.2: datetime, timespan, guid and decimal columns parse their text forms from JSON
            // strings.
            case STRING, CHARS ->
                result.addAll(EnumSet.of(KustoType.DATETIME, KustoType.TIMESPAN, KustoType.GUID, KustoType.DECIMAL));
            case DATETIME, TIMESPAN, GUID -> result.add(KustoType.STRING);
            default -> {}
        }
        return result;
    }
}

package io.kustotyped.processor.validation;

import io.kustotyped.annotations.KustoType;
import io.kustotyped.processor.model.ScalarKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which {@code @Column(type = ...)} overrides fit which Java values: the inferred type, {@code dynamic} (any JSON value
 * is stored as it is, kusto-facts §4.2), widenings Kusto converts without loss, and the text forms Kusto parses from
 * JSON strings (kusto-facts §4.2).
 */
public final class TypeRules {

    private TypeRules() {
    }

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
            case BIG_DECIMAL, BIG_INTEGER -> result.add(KustoType.REAL);
            // kusto-facts §4.2: datetime, timespan, guid and decimal columns parse their text forms from JSON strings.
            case STRING, CHARS -> result.addAll(
                    EnumSet.of(KustoType.DATETIME, KustoType.TIMESPAN, KustoType.GUID, KustoType.DECIMAL));
            case DATETIME, TIMESPAN, GUID -> result.add(KustoType.STRING);
            default -> {
            }
        }
        return result;
    }
}

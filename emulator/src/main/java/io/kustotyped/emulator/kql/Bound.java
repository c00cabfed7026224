package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.store.ScalarType;
import java.util.function.Function;

/**
 * A scalar expression bound to the columns of a relation: its static Kusto type and how to evaluate it on a row.
 *
 * @param type the result type
 * @param eval evaluates the expression on a row (values aligned with the relation's columns); may return null
 */
record Bound(ScalarType type, Function<Object[], Object> eval) {

    Object apply(Object[] row) {
        return eval.apply(row);
    }
}

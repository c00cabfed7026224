package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The aggregation functions of {@code summarize}: {@code count()}, {@code countif()}, {@code dcount()},
 * {@code min()}, {@code max()}, {@code sum()}, {@code avg()}. Nulls are ignored by every function but {@code count()};
 * a function that sees no value gives null ({@code count}, {@code countif} and {@code dcount} give 0).
 */
final class Aggregates {
    private Aggregates() {}

    /**
     * An aggregate bound to a relation.
     *
     * @param defaultName Kusto's name for it when the query gives none: {@code count_}, {@code max_Col}, ...
     * @param type the result type
     * @param compute the value for one group of rows
     */
    record BoundAggregate(String defaultName, ScalarType type, Function<List<Object[]>, Object> compute) {}

    static BoundAggregate bind(Query.Aggregate a, ExprCompiler compiler) {
        String fn = a.function();
        if (fn.equals("count")) {
            return new BoundAggregate("count_", ScalarType.LONG, rows -> (long) rows.size());
        }
        if (fn.equals("countif")) {
            Bound p = compiler.predicate(a.argument());
            return new BoundAggregate(
                    "countif_",
                    ScalarType.LONG,
                    rows -> rows.stream()
                            .filter(r -> Boolean.TRUE.equals(p.apply(r)))
                            .count());
        }
        Bound arg = compiler.compile(a.argument());
        String name = fn + "_" + (a.argument() instanceof Query.ColumnRef c ? c.name() : "");
        ScalarType t = arg.type();
        switch (fn) {
            case "dcount":
                return new BoundAggregate(name, ScalarType.LONG, rows -> {
                    Set<Object> seen = new HashSet<>();
                    for (Object[] r : rows) {
                        Object v = arg.apply(r);
                        if (v != null) {
                            seen.add(v instanceof BigDecimal d ? d.stripTrailingZeros() : v);
                        }
                    }
                    return (long) seen.size();
                });
            case "min", "max":
                if (t == ScalarType.DYNAMIC) {
                    throw error(fn, t, a);
                }
                boolean max = fn.equals("max");
                return new BoundAggregate(name, t, rows -> {
                    Object best = null;
                    for (Object[] r : rows) {
                        Object v = arg.apply(r);
                        if (v == null || v instanceof Double d && d.isNaN()) {
                            continue;
                        }
                        if (best == null
                                || (Cells.sortCompare(v, best) > 0) == max && Cells.sortCompare(v, best) != 0) {
                            best = v;
                        }
                    }
                    return best;
                });
            case "sum":
                return sum(name, arg, a);
            default:
                return avg(name, arg, a);
        }
    }

    private static BoundAggregate sum(String name, Bound arg, Query.Aggregate a) {
        return switch (arg.type()) {
            case INT, LONG ->
                new BoundAggregate(name, ScalarType.LONG, rows -> {
                    Long sum = null;
                    for (Object[] r : rows) {
                        Object v = arg.apply(r);
                        if (v != null) {
                            sum = (sum == null ? 0 : sum) + ((Number) v).longValue();
                        }
                    }
                    return sum;
                });
            case REAL ->
                new BoundAggregate(name, ScalarType.REAL, rows -> {
                    Double sum = null;
                    for (Object[] r : rows) {
                        Object v = arg.apply(r);
                        if (v != null) {
                            sum = (sum == null ? 0 : sum) + (Double) v;
                        }
                    }
                    return sum;
                });
            case DECIMAL ->
                new BoundAggregate(name, ScalarType.DECIMAL, rows -> {
                    BigDecimal sum = null;
                    for (Object[] r : rows) {
                        Object v = arg.apply(r);
                        if (v != null) {
                            sum = (sum == null ? BigDecimal.ZERO : sum).add((BigDecimal) v);
                        }
                    }
                    return sum;
                });
            case TIMESPAN ->
                new BoundAggregate(name, ScalarType.TIMESPAN, rows -> {
                    Duration sum = null;
                    for (Object[] r : rows) {
                        Object v = arg.apply(r);
                        if (v != null) {
                            sum = (sum == null ? Duration.ZERO : sum).plus((Duration) v);
                        }
                    }
                    return sum;
                });
            default -> throw error("sum", arg.type(), a);
        };
    }

    private static BoundAggregate avg(String name, Bound arg, Query.Aggregate a) {
        ScalarType t = arg.type();
        if (!Cells.isNumeric(t) && t != ScalarType.TIMESPAN) {
            throw error("avg", t, a);
        }
        return new BoundAggregate(name, t == ScalarType.TIMESPAN ? ScalarType.TIMESPAN : ScalarType.REAL, rows -> {
            BigDecimal sum = BigDecimal.ZERO;
            double realSum = 0;
            long n = 0;
            for (Object[] r : rows) {
                Object v = arg.apply(r);
                if (v == null) {
                    continue;
                }
                n++;
                if (v instanceof Duration d) {
                    sum = sum.add(BigDecimal.valueOf(Values.toTicks(d)));
                } else {
                    realSum += ((Number) v).doubleValue();
                }
            }
            if (n == 0) {
                return null;
            }
            if (t == ScalarType.TIMESPAN) {
                return Values.ofTicks(sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128)
                        .longValue());
            }
            return realSum / n;
        });
    }

    private static KustoError error(String fn, ScalarType t, Query.Aggregate a) {
        return KustoErrors.generalBadRequest("Semantic error: 'summarize' operator: " + fn + "() is not defined"
                + " for values of type " + t.cslName() + " (at position " + a.position() + ").");
    }
}

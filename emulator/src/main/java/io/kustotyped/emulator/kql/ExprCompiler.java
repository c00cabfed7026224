package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.kql.Query.Expr;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Binds {@link Query.Expr} trees to a relation's columns and type-checks them, as Kusto's semantic pass does:
 * unknown columns and comparisons of incompatible types are 400 {@code General_BadRequest} errors that name the
 * column or types and the position. Evaluation follows Kusto's null rules: a comparison with null is null, and
 * {@code where} keeps only rows whose predicate is true.
 */
final class ExprCompiler {

    private final List<ResultTable.Column> columns;
    private final String operator;
    private final Instant queryTime;

    /**
     * @param columns the columns of the relation the expression reads
     * @param operator the operator the expression belongs to, for error messages ({@code where}, {@code project}...)
     * @param queryTime the value of {@code now()} for the whole query
     */
    ExprCompiler(List<ResultTable.Column> columns, String operator, Instant queryTime) {
        this.columns = columns;
        this.operator = operator;
        this.queryTime = queryTime;
    }

    Bound compile(Expr e) {
        if (e instanceof Query.Literal l) {
            return Literals.plain(l);
        } else if (e instanceof Query.TypedLiteral t) {
            Object value = Literals.typed(t);
            return new Bound(ScalarType.parse(t.type()), row -> value);
        } else if (e instanceof Query.ColumnRef c) {
            return column(c);
        } else if (e instanceof Query.Negate n) {
            return negate(n);
        } else if (e instanceof Query.Binary b) {
            return b.operator().equals("and") || b.operator().equals("or") ? logical(b) : comparison(b);
        } else if (e instanceof Query.Call c) {
            return call(c);
        } else if (e instanceof Query.In i) {
            return in(i);
        } else if (e instanceof Query.Member m) {
            return member(m);
        }
        throw new IllegalStateException("Unhandled expression " + e);
    }

    /** A predicate: the expression must be of type bool. */
    Bound predicate(Expr e) {
        Bound b = compile(e);
        if (b.type() != ScalarType.BOOL) {
            throw semantic(
                    "the predicate must be of type bool but is of type "
                            + b.type().cslName(),
                    e.position());
        }
        return b;
    }

    private KustoError semantic(String what, int position) {
        return KustoErrors.generalBadRequest(
                "Semantic error: '" + operator + "' operator: " + what + " (at position " + position + ").");
    }

    private Bound column(Query.ColumnRef c) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(c.name())) {
                int index = i;
                return new Bound(columns.get(i).type(), row -> row[index]);
            }
        }
        throw semantic(
                "Failed to resolve scalar expression named '" + c.name() + "'; the columns are "
                        + columns.stream().map(ResultTable.Column::name).toList(),
                c.position());
    }

    /** {@code d.k}, {@code d['k']}, {@code d[i]} (negative indexes count from the end); missing gives null. */
    private Bound member(Query.Member m) {
        Bound target = compile(m.target());
        if (target.type() != ScalarType.DYNAMIC) {
            throw semantic(
                    "'" + m.key() + "' can only be read from a dynamic value, not from a "
                            + target.type().cslName(),
                    m.position());
        }
        Object key = m.key();
        return new Bound(ScalarType.DYNAMIC, row -> {
            Object v = target.apply(row);
            if (!(v instanceof JsonNode n)) {
                return null;
            }
            JsonNode out;
            if (key instanceof Long i) {
                long index = i < 0 ? n.size() + i : i;
                out = n.isArray() && index >= 0 && index < n.size() ? n.get((int) index) : null;
            } else {
                out = n.isObject() ? n.get((String) key) : null;
            }
            return out == null || out.isNull() ? null : out;
        });
    }

    private Bound negate(Query.Negate n) {
        Bound inner = compile(n.operand());
        return switch (inner.type()) {
            case INT ->
                new Bound(ScalarType.INT, row -> {
                    Object v = inner.apply(row);
                    return v == null ? null : -(Integer) v;
                });
            case LONG ->
                new Bound(ScalarType.LONG, row -> {
                    Object v = inner.apply(row);
                    return v == null ? null : -(Long) v;
                });
            case REAL ->
                new Bound(ScalarType.REAL, row -> {
                    Object v = inner.apply(row);
                    return v == null ? null : -(Double) v;
                });
            case DECIMAL ->
                new Bound(ScalarType.DECIMAL, row -> {
                    Object v = inner.apply(row);
                    return v == null ? null : ((BigDecimal) v).negate();
                });
            case TIMESPAN ->
                new Bound(ScalarType.TIMESPAN, row -> {
                    Object v = inner.apply(row);
                    return v == null ? null : ((Duration) v).negated();
                });
            default ->
                throw semantic("cannot negate a value of type " + inner.type().cslName(), n.position());
        };
    }

    private Bound logical(Query.Binary b) {
        Bound l = compile(b.left());
        Bound r = compile(b.right());
        for (Bound side : List.of(l, r)) {
            if (side.type() != ScalarType.BOOL) {
                throw semantic(
                        "the operands of '" + b.operator() + "' must be of type bool, not "
                                + side.type().cslName(),
                        b.position());
            }
        }
        boolean and = b.operator().equals("and");
        return new Bound(ScalarType.BOOL, row -> {
            Boolean x = (Boolean) l.apply(row);
            if (and && Boolean.FALSE.equals(x) || !and && Boolean.TRUE.equals(x)) {
                return x;
            }
            Boolean y = (Boolean) r.apply(row);
            if (x == null) {
                return (and && Boolean.FALSE.equals(y)) || (!and && Boolean.TRUE.equals(y)) ? y : null;
            }
            return y;
        });
    }

    private Bound comparison(Query.Binary b) {
        Bound l = compile(b.left());
        Bound r = compile(b.right());
        String op = b.operator();
        ScalarType lt = l.type();
        ScalarType rt = r.type();
        boolean equality = op.equals("==") || op.equals("!=");
        if (Character.isLetter(op.charAt(op.length() - 1))) {
            return stringOperator(b, l, r);
        }
        if (op.equals("=~") || op.equals("!~")) {
            if (lt != ScalarType.STRING || rt != ScalarType.STRING) {
                throw semantic(
                        "'" + op + "' compares strings, not " + lt.cslName() + " and " + rt.cslName(), b.position());
            }
            boolean negate = op.equals("!~");
            return new Bound(ScalarType.BOOL, row -> {
                Object x = l.apply(row);
                Object y = r.apply(row);
                return x == null || y == null ? null : ((String) x).equalsIgnoreCase((String) y) != negate;
            });
        }
        boolean comparable = Cells.isNumeric(lt) && Cells.isNumeric(rt)
                || lt == rt && lt != ScalarType.DYNAMIC
                || (lt == ScalarType.DYNAMIC || rt == ScalarType.DYNAMIC) && equality;
        if (!comparable) {
            throw semantic(
                    "Cannot compare values of types " + lt.cslName() + " and " + rt.cslName() + " with '" + op
                            + "'. Try a literal of the column's type, e.g. datetime(...), guid(...), 1d",
                    b.position());
        }
        if (!equality && (lt == ScalarType.BOOL || lt == ScalarType.GUID)) {
            throw semantic("'" + op + "' is not defined for values of type " + lt.cslName(), b.position());
        }
        return new Bound(ScalarType.BOOL, row -> {
            Object x = l.apply(row);
            Object y = r.apply(row);
            if (x == null || y == null) {
                return null;
            }
            if (x instanceof JsonNode || y instanceof JsonNode) {
                x = Cells.scalarOf(x);
                y = Cells.scalarOf(y);
                if (x == null || y == null) {
                    return null;
                }
                boolean eq = Cells.isNumber(x) && Cells.isNumber(y)
                        ? Integer.valueOf(0).equals(Cells.compare(x, y))
                        : Objects.equals(x, y);
                return eq == op.equals("==");
            }
            Integer c = Cells.compare(x, y);
            if (c == null) {
                return op.equals("!=");
            }
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(op);
            };
        });
    }

    /** {@code contains}, {@code startswith}, {@code endswith}, {@code has}: case-insensitive unless {@code _cs}. */
    private Bound stringOperator(Query.Binary b, Bound l, Bound r) {
        String op = b.operator();
        boolean negated = op.startsWith("!");
        String name = negated ? op.substring(1) : op;
        boolean caseSensitive = name.endsWith("_cs");
        String kind = caseSensitive ? name.substring(0, name.length() - 3) : name;
        if (l.type() != ScalarType.STRING || r.type() != ScalarType.STRING) {
            throw semantic(
                    "'" + op + "' compares strings, not " + l.type().cslName() + " and "
                            + r.type().cslName(),
                    b.position());
        }
        return new Bound(ScalarType.BOOL, row -> {
            Object x = l.apply(row);
            Object y = r.apply(row);
            if (x == null || y == null) {
                return null;
            }
            boolean result = StringPredicates.test(kind, caseSensitive, (String) x, (String) y);
            return result != negated;
        });
    }

    /** {@code x in (a, b)}: equality with any value; values must be comparable with {@code x}. */
    private Bound in(Query.In in) {
        Bound operand = compile(in.operand());
        List<Bound> values = new java.util.ArrayList<>();
        for (Expr v : in.values()) {
            Bound b = compile(v);
            boolean comparable =
                    Cells.isNumeric(operand.type()) && Cells.isNumeric(b.type()) || operand.type() == b.type();
            if (!comparable) {
                throw semantic(
                        "'in' compares values of type " + operand.type().cslName() + " with a value of type "
                                + b.type().cslName(),
                        v.position());
            }
            values.add(b);
        }
        return new Bound(ScalarType.BOOL, row -> {
            Object x = operand.apply(row);
            if (x == null) {
                return in.negated();
            }
            for (Bound v : values) {
                Object y = v.apply(row);
                if (y != null && Integer.valueOf(0).equals(Cells.compare(x, y))) {
                    return !in.negated();
                }
            }
            return in.negated();
        });
    }

    private Bound call(Query.Call c) {
        String fn = c.function();
        switch (fn) {
            case "isnull", "isnotnull", "isempty", "isnotempty", "not", "ago" -> {}
            case "bin", "floor" -> {
                return bin(c);
            }
            case "now" -> {
                if (!c.arguments().isEmpty()) {
                    throw semantic("now() takes no argument", c.position());
                }
                // One instant per query, as in Kusto (now() is evaluated once).
                Instant now = Values.truncateToTicks(queryTime);
                return new Bound(ScalarType.DATETIME, row -> now);
            }
            default -> {
                if (!Functions.CONVERSIONS.contains(fn)) {
                    throw KustoErrors.syntaxError("Unsupported function '" + fn + "' (at position " + c.position()
                            + "). The emulator supports " + QueryParser.SUPPORTED);
                }
            }
        }
        if (c.arguments().size() != 1) {
            throw semantic(
                    "function '" + fn + "' takes exactly one argument, not "
                            + c.arguments().size(),
                    c.position());
        }
        Bound arg = compile(c.arguments().get(0));
        if (Functions.CONVERSIONS.contains(fn)) {
            return new Bound(Functions.conversionType(fn), row -> Functions.convert(fn, arg.apply(row)));
        }
        if (fn.equals("ago")) {
            if (arg.type() != ScalarType.TIMESPAN) {
                throw semantic(
                        "ago() needs a timespan argument such as 1h, not "
                                + arg.type().cslName(),
                        c.position());
            }
            Instant now = Values.truncateToTicks(queryTime);
            return new Bound(ScalarType.DATETIME, row -> {
                Duration d = (Duration) arg.apply(row);
                return d == null ? null : now.minus(d);
            });
        }
        return switch (fn) {
            case "isnull" -> new Bound(ScalarType.BOOL, row -> arg.apply(row) == null);
            case "isnotnull" -> new Bound(ScalarType.BOOL, row -> arg.apply(row) != null);
            case "isempty" -> new Bound(ScalarType.BOOL, row -> isEmpty(arg.apply(row)));
            case "isnotempty" -> new Bound(ScalarType.BOOL, row -> !isEmpty(arg.apply(row)));
            default -> {
                if (arg.type() != ScalarType.BOOL) {
                    throw semantic(
                            "not() needs a bool argument, not " + arg.type().cslName(), c.position());
                }
                yield new Bound(ScalarType.BOOL, row -> {
                    Boolean v = (Boolean) arg.apply(row);
                    return v == null ? null : !v;
                });
            }
        };
    }

    /** {@code bin(value, size)} (alias {@code floor}) for numbers, datetimes and timespans. */
    private Bound bin(Query.Call c) {
        if (c.arguments().size() != 2) {
            throw semantic(c.function() + "() takes two arguments: the value and the bin size", c.position());
        }
        Bound value = compile(c.arguments().get(0));
        Bound size = compile(c.arguments().get(1));
        ScalarType type = Functions.binType(value.type(), size.type());
        if (type == null) {
            throw semantic(
                    c.function() + "() is not defined for " + value.type().cslName() + " and "
                            + size.type().cslName()
                            + " (use a number with a number, or a datetime/timespan with a timespan"
                            + " such as 1h)",
                    c.position());
        }
        return new Bound(type, row -> Functions.bin(value.apply(row), size.apply(row), type));
    }

    /** Kusto's isempty(): null, or an empty string. */
    private static boolean isEmpty(Object v) {
        return v == null
                || v instanceof String s && s.isEmpty()
                || v instanceof JsonNode n
                        && (n.isNull() || n.isTextual() && n.textValue().isEmpty());
    }
}

package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a parsed {@link Query} over a snapshot of a table's rows, operator by operator, each turning one relation
 * (columns + rows) into the next.
 */
final class QueryExecutor {

    /** The working relation between operators. */
    private record Relation(List<ResultTable.Column> columns, List<Object[]> rows) {}

    private final Catalog catalog;

    QueryExecutor(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param databaseName the request's {@code db}
     * @param query the parsed query
     * @return the primary result
     * @throws KustoError 400 for a missing database or table, an unknown column or a type error
     */
    ResultTable execute(String databaseName, Query query) {
        if (databaseName == null || databaseName.isEmpty()) {
            throw KustoErrors.badRequest(
                    "BadRequest_DatabaseNotSpecified", "The request names no database: set 'db' in the request body.");
        }
        Database db = catalog.database(databaseName);
        if (db == null) {
            throw KustoErrors.databaseNotExist(databaseName);
        }
        Table table = db.table(query.table());
        if (table == null) {
            throw KustoErrors.generalBadRequest("Semantic error: Failed to resolve table expression named '"
                    + query.table() + "' in database '" + db.name() + "' (at position " + query.tablePosition()
                    + ").");
        }
        List<ResultTable.Column> columns = new ArrayList<>();
        table.columns().forEach(c -> columns.add(new ResultTable.Column(c.name(), c.type())));
        Relation r = new Relation(List.copyOf(columns), table.rows());
        Instant now = Instant.now();
        for (Query.Op op : query.operators()) {
            r = apply(r, op, now);
        }
        return new ResultTable("PrimaryResult", r.columns(), r.rows());
    }

    private Relation apply(Relation r, Query.Op op, Instant now) {
        if (op instanceof Query.Count) {
            return new Relation(
                    List.of(new ResultTable.Column("Count", ScalarType.LONG)),
                    List.<Object[]>of(new Object[] {(long) r.rows().size()}));
        } else if (op instanceof Query.Take t) {
            return new Relation(r.columns(), r.rows().subList(0, (int)
                    Math.min(t.count(), r.rows().size())));
        } else if (op instanceof Query.Where w) {
            Bound p = new ExprCompiler(r.columns(), "where", now).predicate(w.predicate());
            List<Object[]> out = new ArrayList<>();
            for (Object[] row : r.rows()) {
                if (Boolean.TRUE.equals(p.apply(row))) {
                    out.add(row);
                }
            }
            return new Relation(r.columns(), out);
        } else if (op instanceof Query.Project p) {
            return project(r, p.items(), "project", now);
        } else if (op instanceof Query.Extend e) {
            List<Query.ProjectItem> items = new ArrayList<>();
            java.util.Set<String> added = new HashSet<>();
            e.items().forEach(i -> added.add(i.name()));
            for (ResultTable.Column c : r.columns()) {
                if (!added.contains(c.name())) {
                    items.add(new Query.ProjectItem(c.name(), new Query.ColumnRef(c.name(), 0)));
                }
            }
            items.addAll(e.items());
            return project(r, items, "extend", now);
        } else if (op instanceof Query.Sort s) {
            return sort(r, s.keys(), "order by", now);
        } else if (op instanceof Query.Top t) {
            Relation sorted = sort(r, List.of(t.key()), "top", now);
            return new Relation(sorted.columns(), sorted.rows().subList(0, (int)
                    Math.min(t.count(), sorted.rows().size())));
        } else if (op instanceof Query.GetSchema) {
            return getSchema(r);
        } else if (op instanceof Query.Summarize s) {
            return summarize(r, s, now);
        } else if (op instanceof Query.Distinct d) {
            Relation projected = project(r, d.columns(), "distinct", now);
            Set<List<Object>> seen = new HashSet<>();
            List<Object[]> out = new ArrayList<>();
            for (Object[] row : projected.rows()) {
                if (seen.add(Arrays.asList(row))) {
                    out.add(row);
                }
            }
            return new Relation(projected.columns(), out);
        }
        throw new IllegalStateException("Unhandled operator " + op);
    }

    private static Relation project(Relation r, List<Query.ProjectItem> items, String operator, Instant now) {
        ExprCompiler compiler = new ExprCompiler(r.columns(), operator, now);
        List<ResultTable.Column> columns = new ArrayList<>();
        List<Bound> bound = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Query.ProjectItem item : items) {
            Bound b = compiler.compile(item.expr());
            if (!names.add(item.name())) {
                throw KustoErrors.generalBadRequest("Semantic error: '" + operator + "' operator: column '"
                        + item.name() + "' is given more than once (at position "
                        + item.expr().position() + ").");
            }
            columns.add(new ResultTable.Column(item.name(), b.type()));
            bound.add(b);
        }
        List<Object[]> out = new ArrayList<>(r.rows().size());
        for (Object[] row : r.rows()) {
            Object[] o = new Object[bound.size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = bound.get(i).apply(row);
            }
            out.add(o);
        }
        return new Relation(List.copyOf(columns), out);
    }

    private static Relation sort(Relation r, List<Query.SortKey> keys, String operator, Instant now) {
        ExprCompiler compiler = new ExprCompiler(r.columns(), operator, now);
        Comparator<Object[]> order = null;
        for (Query.SortKey key : keys) {
            Bound b = compiler.compile(key.expr());
            // Kusto defaults: ascending sorts nulls first, descending nulls last.
            boolean nullsFirst = key.nullsFirst() != null ? key.nullsFirst() : key.ascending();
            Comparator<Object> values = key.ascending() ? Cells::sortCompare : (x, y) -> Cells.sortCompare(y, x);
            Comparator<Object> withNulls = nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
            Comparator<Object[]> c = Comparator.comparing(b::apply, withNulls);
            order = order == null ? c : order.thenComparing(c);
        }
        List<Object[]> out = new ArrayList<>(r.rows());
        out.sort(order);
        return new Relation(r.columns(), out);
    }

    private static Relation summarize(Relation r, Query.Summarize s, Instant now) {
        Relation keys = project(r, s.by(), "summarize", now);
        Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.rows().size(); i++) {
            groups.computeIfAbsent(groupKey(keys.rows().get(i)), k -> new ArrayList<>())
                    .add(r.rows().get(i));
        }
        if (s.by().isEmpty() && groups.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        List<ResultTable.Column> columns = new ArrayList<>(keys.columns());
        Set<String> names = new HashSet<>();
        keys.columns().forEach(c -> names.add(c.name()));
        ExprCompiler compiler = new ExprCompiler(r.columns(), "summarize", now);
        List<Aggregates.BoundAggregate> aggregates = new ArrayList<>();
        for (Query.Aggregate a : s.aggregates()) {
            Aggregates.BoundAggregate bound = Aggregates.bind(a, compiler);
            String name = a.name();
            if (name == null) {
                name = bound.defaultName();
                for (int i = 1; names.contains(name); i++) {
                    name = bound.defaultName() + i;
                }
            } else if (names.contains(name)) {
                throw KustoErrors.generalBadRequest("Semantic error: 'summarize' operator: column '" + name
                        + "' is given more than once (at position " + a.position() + ").");
            }
            names.add(name);
            columns.add(new ResultTable.Column(name, bound.type()));
            aggregates.add(bound);
        }
        List<Object[]> out = new ArrayList<>(groups.size());
        for (Map.Entry<List<Object>, List<Object[]>> g : groups.entrySet()) {
            Object[] row = new Object[columns.size()];
            int k = g.getKey().size();
            for (int i = 0; i < k; i++) {
                row[i] = g.getKey().get(i);
            }
            for (int i = 0; i < aggregates.size(); i++) {
                row[k + i] = aggregates.get(i).compute().apply(g.getValue());
            }
            out.add(row);
        }
        return new Relation(List.copyOf(columns), out);
    }

    /** A grouping key; decimals compare by value, so 1.50 and 1.5 fall in one group. */
    private static List<Object> groupKey(Object[] values) {
        Object[] key = values.clone();
        for (int i = 0; i < key.length; i++) {
            if (key[i] instanceof java.math.BigDecimal d) {
                key[i] = d.stripTrailingZeros();
            }
        }
        return Arrays.asList(key);
    }

    private static Relation getSchema(Relation r) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) {
            ResultTable.Column c = r.columns().get(i);
            rows.add(new Object[] {c.name(), i, c.type().dotNetName(), c.type().cslName()});
        }
        return new Relation(
                List.of(
                        new ResultTable.Column("ColumnName", ScalarType.STRING),
                        new ResultTable.Column("ColumnOrdinal", ScalarType.INT),
                        new ResultTable.Column("DataType", ScalarType.STRING),
                        new ResultTable.Column("ColumnType", ScalarType.STRING)),
                rows);
    }
}

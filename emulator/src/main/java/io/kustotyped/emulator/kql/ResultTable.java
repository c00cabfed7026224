package io.kustotyped.emulator.kql;

import io.kustotyped.emulator.store.ScalarType;
import java.util.List;

/**
 * A table of results before it is written as v1 or v2 JSON. Cell values use the store's Java types (docs/kusto-rules.md §4):
 * {@code Boolean, Integer, Long, Double, BigDecimal, String, Instant, Duration, UUID, JsonNode} or null.
 *
 * @param name the table name (v1 writers number mgmt tables {@code Table_0} themselves)
 * @param columns the columns
 * @param rows the rows, each aligned with {@code columns}
 */
record ResultTable(String name, List<Column> columns, List<Object[]> rows) {

    /** A result column: its name and Kusto type. */
    record Column(String name, ScalarType type) {}

    static Column col(String name, ScalarType type) {
        return new Column(name, type);
    }
}

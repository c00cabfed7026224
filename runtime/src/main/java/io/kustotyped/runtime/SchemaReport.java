package io.kustotyped.runtime;

import java.util.List;

/**
 * The differences between a live table and its generated schema, from {@link TableIngestor#checkSchema()}.
 *
 * @param database the database
 * @param table the table
 * @param drifts every difference found; empty when the table is as generated
 */
public record SchemaReport(String database, String table, List<Drift> drifts) {

    /** Copies the list. */
    public SchemaReport {
        drifts = List.copyOf(drifts);
    }

    /** What kind of difference. */
    public enum Kind {
        /** The table does not exist. */
        TABLE_MISSING,
        /** A column of the class is missing from the table. */
        COLUMN_MISSING,
        /** A column exists with another type. */
        COLUMN_TYPE_DIFFERS,
        /** The table has a column the class does not: harmless for ingestion (it stays empty). */
        EXTRA_COLUMN,
        /** The mapping the ingestor names does not exist. */
        MAPPING_MISSING,
        /** The mapping exists but maps other columns, paths or types. */
        MAPPING_DIFFERS,
        /** Streaming ingestion is not enabled on the table or its database. */
        STREAMING_DISABLED
    }

    /**
     * One difference.
     *
     * @param kind the kind
     * @param detail what exactly differs
     * @param fix the command that fixes it (one of the generated ones), or null
     */
    public record Drift(Kind kind, String detail, String fix) {
        @Override
        public String toString() {
            return kind + ": " + detail + (fix == null ? "" : " (fix: " + fix + ")");
        }
    }

    /** True when nothing would stop ingestion (extra columns are allowed). */
    public boolean isUpToDate() {
        return drifts.stream().allMatch(d -> d.kind() == Kind.EXTRA_COLUMN);
    }

    @Override
    public String toString() {
        return "SchemaReport[" + database + "." + table + (drifts.isEmpty() ? ": up to date" : ": " + drifts) + "]";
    }
}

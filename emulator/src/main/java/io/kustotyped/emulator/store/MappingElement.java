package io.kustotyped.emulator.store;

import java.util.Map;
import java.util.Objects;

/**
 * One element of an ingestion mapping (docs/kusto-rules.md §3.1), with its properties under their canonical names.
 *
 * @param column the target column
 * @param datatype the declared data type, {@code ""} when not given
 * @param path {@code Path}: a JSONPath when it starts with {@code $}, else a constant; or {@code null}
 * @param constValue {@code ConstValue}, or {@code null}
 * @param transform {@code Transform} in its canonical spelling (e.g. {@code "DateTimeFromUnixSeconds"}), or {@code null}
 * @param ordinal {@code Ordinal} (CSV mappings), or {@code null}
 * @param properties every property as given, under canonical key names where known (for display)
 */
public record MappingElement(
        String column,
        String datatype,
        String path,
        String constValue,
        String transform,
        Integer ordinal,
        Map<String, String> properties) {
    /** Checks the column is present and freezes the properties. */
    public MappingElement {
        Objects.requireNonNull(column, "column");
        datatype = datatype == null ? "" : datatype;
        properties = Map.copyOf(properties);
    }

    /** @return true when {@link #path()} is a JSONPath (starts with {@code $}), not a constant (docs/kusto-rules.md §3.1) */
    public boolean hasJsonPath() {
        return path != null && path.startsWith("$");
    }
}

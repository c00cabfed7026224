package io.kustotyped.emulator.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named, pre-created ingestion mapping on a table or a database (docs/kusto-rules.md §3).
 *
 * @param name the mapping name (case-sensitive)
 * @param kind the mapping kind in canonical spelling: {@code "Json"}, {@code "Csv"}, ...
 * @param mappingJson the normalized JSON that {@code .show ... mappings} returns (§3.1 stored form)
 * @param elements the parsed elements
 * @param lastUpdatedOn when it was created or last altered
 */
public record IngestionMapping(
        String name, String kind, String mappingJson, List<MappingElement> elements, Instant lastUpdatedOn) {
    /** Checks the parts and freezes the element list. */
    public IngestionMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mappingJson, "mappingJson");
        elements = List.copyOf(elements);
        Objects.requireNonNull(lastUpdatedOn, "lastUpdatedOn");
    }

    /**
     * Parses and validates a mapping and wraps it (see {@link MappingParser}).
     *
     * @param name the mapping name
     * @param kind the kind as written in the command, any case ({@code json}, {@code csv}, ...)
     * @param json the mapping JSON text
     * @param table the table it is for (its columns are checked), or {@code null} for a database-scope mapping
     * @return the mapping, stamped now
     * @throws io.kustotyped.emulator.error.KustoError 400 {@code BadRequest_InvalidMapping} when it is not valid
     */
    public static IngestionMapping create(String name, String kind, String json, Table table) {
        String canonicalKind = MappingParser.canonicalKind(kind);
        List<MappingElement> elements = MappingParser.parse(canonicalKind, json, table);
        return new IngestionMapping(name, canonicalKind, MappingParser.normalize(elements), elements, Instant.now());
    }
}

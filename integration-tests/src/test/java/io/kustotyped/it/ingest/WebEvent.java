package io.kustotyped.it.ingest;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;

/**
 * A table and column whose names need quoting and percent-encoding. (The table name has no space: the processor
 * cannot yet write {@code META-INF/kusto/<name>.kql} for such names; reported to the processor owner.)
 */
@KustoTable(name = "Web-Events.v1")
public record WebEvent(@Column(name = "request url") String url, long status) {
}

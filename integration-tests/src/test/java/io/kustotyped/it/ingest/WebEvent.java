package io.kustotyped.it.ingest;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;

/** A table and column whose names need quoting and percent-encoding. */
@KustoTable(name = "Web Events-v1.0")
public record WebEvent(@Column(name = "request url") String url, long status) {}

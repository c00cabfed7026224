package io.kustotyped.spring.shop;

import io.kustotyped.annotations.KustoTable;
import java.math.BigDecimal;
import java.time.Instant;

/** An order: the table the starter's tests ingest into (no database: it comes from kusto.database). */
@KustoTable(name = "Orders")
public record Order(long id, Instant placedAt, String customer, BigDecimal total) {}

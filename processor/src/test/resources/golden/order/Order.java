package com.acme;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoIgnore;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

@KustoTable(name = "Orders", database = "Sales", folder = "shop", docString = "One row per order")
public record Order(
        @Column(name = "OrderId") UUID id,
        Instant placedAt,
        @Column(transform = KustoTransform.DATETIME_FROM_UNIX_MILLISECONDS) long shippedAtMillis,
        Status status,
        int quantity,
        double price,
        BigDecimal total,
        Optional<String> note,
        OptionalLong parentId,
        Duration handlingTime,
        @Column(type = KustoType.LONG) Integer priority,
        List<Line> lines,
        Map<String, Object> attributes,
        @KustoIgnore String internal) {

    public enum Status { NEW, SHIPPED }

    public record Line(String sku, int count) {
    }
}

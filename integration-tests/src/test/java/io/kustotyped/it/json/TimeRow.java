package io.kustotyped.it.json;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.annotations.KustoTransform;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;

/** Every Java type that maps to datetime, timespan or guid, and an epoch number with a transform. */
@KustoTable(name = "Time Row")
public record TimeRow(
        Instant instant,
        OffsetDateTime offset,
        ZonedDateTime zoned,
        LocalDate date,
        LocalDateTime local,
        Date legacy,
        Duration duration,
        UUID id,

        @Column(transform = KustoTransform.DATETIME_FROM_UNIX_MILLISECONDS)
        long epochMillis) {}

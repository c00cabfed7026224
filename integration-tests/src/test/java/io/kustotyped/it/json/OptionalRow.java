package io.kustotyped.it.json;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.annotations.KustoTransform;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Optionals unwrap to nullable columns of the type they hold. */
@KustoTable
public record OptionalRow(
        Optional<String> text,
        OptionalInt count,
        OptionalLong total,
        OptionalDouble ratio,
        Optional<Instant> at,

        @Column(transform = KustoTransform.DATETIME_FROM_UNIX_SECONDS)
        OptionalLong epochSeconds) {}

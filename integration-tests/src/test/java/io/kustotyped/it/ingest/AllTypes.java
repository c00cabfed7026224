package io.kustotyped.it.ingest;

import io.kustotyped.annotations.KustoTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** One column of every Java type the processor supports (see {@code @Column}'s type table). */
@KustoTable(name = "AllTypes", database = "Test")
public record AllTypes(
        long id,
        boolean aBool,
        Boolean boxedBool,
        byte aByte,
        short aShort,
        int anInt,
        Integer boxedInt,
        long aLong,
        Long boxedLong,
        float aFloat,
        double aDouble,
        Double boxedDouble,
        BigDecimal aDecimal,
        BigInteger aBigInteger,
        String aString,
        char aChar,
        Character boxedChar,
        Level anEnum,
        byte[] bytes,
        Instant instant,
        OffsetDateTime offsetDateTime,
        ZonedDateTime zonedDateTime,
        Date date,
        LocalDateTime localDateTime,
        LocalDate localDate,
        Duration duration,
        UUID uuid,
        Map<String, Object> map,
        List<String> list,
        Set<Integer> set,
        int[] intArray,
        Point nested,
        Optional<String> optionalString,
        OptionalInt optionalInt,
        OptionalLong optionalLong,
        OptionalDouble optionalDouble) {

    /** An enum column: written as its name. */
    public enum Level {
        INFO,
        WARN,
        ERROR
    }

    /** A nested record: a dynamic column holding an object. */
    public record Point(int x, String label) {}
}

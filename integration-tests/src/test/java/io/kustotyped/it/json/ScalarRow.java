package io.kustotyped.it.json;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.annotations.KustoType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Every scalar Java type that maps to bool, int, long, real, decimal or string. */
@KustoTable
public record ScalarRow(
        boolean bool1,
        Boolean bool2,
        byte byte1,
        Byte byte2,
        short short1,
        Short short2,
        int int1,
        Integer int2,
        long long1,
        Long long2,
        float float1,
        Float float2,
        double double1,
        Double double2,
        BigDecimal decimal1,
        BigInteger decimal2,
        String string1,
        char char1,
        Character char2,
        CharSequence chars1,
        char[] chars2,
        Level level,
        byte[] bytes,
        @Column(name = "Widened", type = KustoType.LONG) int widened) {

    /** A small enum, written as its name. */
    public enum Level {
        DEBUG,
        INFO,
        ERROR
    }
}

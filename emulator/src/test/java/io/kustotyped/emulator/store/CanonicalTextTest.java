package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths for canonical text ({@link CanonicalText}) against the general parsers and formatters of
 * {@link Values}: on random canonical and near-canonical text, whenever the fast path decides, it decides as the
 * general parser does (docs/kusto-rules.md §4.2).
 */
class CanonicalTextTest {
    private static final long MIN_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private static final String NOISE = "0123456789-:.TZ tz+,x";

    @Test
    void datetimesParseAsTheGeneralParserParsesThem() {
        SplittableRandom r = new SplittableRandom(1);
        int decided = 0;
        for (int n = 0; n < 20_000; n++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(MIN_SECOND, MAX_SECOND + 1), r.nextInt(1_000_000_000));
            String text = t.toString(); // 0 to 9 fraction digits
            if (r.nextInt(3) == 0) {
                text = mutate(text, r);
            }
            Object fast = CanonicalText.datetime(text);
            if (fast != CanonicalText.NOT_CANONICAL) {
                decided++;
                assertEquals(Values.parseIso(text), fast, text);
            }
            assertEquals(Values.parseDatetime(text), Values.parseDatetime(" " + text + " "), text);
        }
        assertTrue(decided > 12_000, "the fast path decides most canonical text: " + decided);
        assertEquals(null, CanonicalText.datetime("2024-02-30T00:00:00Z"), "an impossible date is null");
    }

    @Test
    void datetimesFormatAsTheGeneralFormatterFormatsThem() {
        SplittableRandom r = new SplittableRandom(2);
        for (int n = 0; n < 20_000; n++) {
            Instant t = Values.truncateToTicks(
                    Instant.ofEpochSecond(r.nextLong(MIN_SECOND - 86_400, MAX_SECOND + 1), r.nextInt(1_000_000_000)));
            assertEquals(Values.formatDatetimeGeneral(t), Values.formatDatetime(t), t::toString);
            assertEquals(t, Values.parseDatetime(Values.formatDatetime(t)), t::toString);
        }
    }

    @Test
    void timespansParseAsTheGeneralParserParsesThem() {
        SplittableRandom r = new SplittableRandom(3);
        int decided = 0;
        for (int n = 0; n < 20_000; n++) {
            long ticks = r.nextLong(-100L * 86_400 * Values.TICKS_PER_SECOND, 100L * 86_400 * Values.TICKS_PER_SECOND);
            if (r.nextInt(4) == 0) {
                ticks = ticks % (Values.TICKS_PER_SECOND * 60);
            }
            String text = Values.formatTimespan(Values.ofTicks(ticks));
            if (r.nextInt(5) == 0 && text.contains(".") && text.indexOf('.') > text.indexOf(':')) {
                text = text.substring(0, text.length() - r.nextInt(7)); // fewer fraction digits
            }
            if (r.nextInt(3) == 0) {
                text = mutate(text, r);
            }
            Object fast = CanonicalText.timespanTicks(text);
            if (fast != CanonicalText.NOT_CANONICAL) {
                decided++;
                Duration general = Values.parseTimespanGeneral(text);
                assertEquals(general, fast == null ? null : Values.ofTicks((Long) fast), text);
            }
        }
        assertTrue(decided > 12_000, "the fast path decides most canonical text: " + decided);
        assertEquals(Values.ofTicks(Long.MIN_VALUE + 1).negated(), Values.parseTimespan("10675199.02:48:05.4775807"));
        assertEquals(null, Values.parseTimespan("99999999999999999999.00:00:00"), "more days than a long holds");
        assertEquals(Values.ofTicks(86_400 * Values.TICKS_PER_SECOND), Values.parseTimespan("000000001.00:00:00"));
    }

    @Test
    void guidsParseAsTheGeneralParserParsesThem() {
        SplittableRandom r = new SplittableRandom(4);
        for (int n = 0; n < 20_000; n++) {
            String text = new java.util.UUID(r.nextLong(), r.nextLong()).toString();
            if (r.nextBoolean()) {
                text = text.toUpperCase(java.util.Locale.ROOT);
            }
            if (r.nextInt(3) == 0) {
                int at = r.nextInt(text.length());
                String noise = "0123456789abcdefABCDEFgG-\u0660";
                text = text.substring(0, at) + noise.charAt(r.nextInt(noise.length())) + text.substring(at + 1);
            }
            Object fast = CanonicalText.guid(text);
            if (fast != CanonicalText.NOT_CANONICAL) {
                assertEquals(Values.parseGuidGeneral(text), fast, text);
            } else {
                String declined = text;
                assertTrue(
                        !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
                        () -> "the fast path declines only non-canonical text: " + declined);
            }
        }
    }

    @Test
    void wholeUnixCountsGiveTheInstantOfTheBigDecimalForm() {
        SplittableRandom r = new SplittableRandom(5);
        long[] units = {1_000_000_000L, 1_000_000L, 1_000L, 1L};
        for (int n = 0; n < 20_000; n++) {
            long unit = units[r.nextInt(units.length)];
            long amount = switch (r.nextInt(4)) {
                case 0 -> r.nextLong();
                case 1 -> r.nextLong(-400_000_000_000L, 400_000_000_000L);
                case 2 -> r.nextLong(-400_000_000_000_000L, 400_000_000_000_000L);
                default -> r.nextLong(-1_000, 1_000);
            };
            assertEquals(
                    Values.fromUnix(BigDecimal.valueOf(amount), unit),
                    Values.fromUnix(amount, unit),
                    amount + " / " + unit);
        }
    }

    /** Replaces, inserts or deletes one character. */
    private static String mutate(String text, SplittableRandom r) {
        int at = r.nextInt(text.length());
        char c = NOISE.charAt(r.nextInt(NOISE.length()));
        return switch (r.nextInt(3)) {
            case 0 -> text.substring(0, at) + c + text.substring(at + 1);
            case 1 -> text.substring(0, at) + c + text.substring(at);
            default -> text.substring(0, at) + text.substring(at + 1);
        };
    }
}

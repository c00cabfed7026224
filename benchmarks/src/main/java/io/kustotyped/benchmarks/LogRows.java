package io.kustotyped.benchmarks;

import java.time.Instant;
import java.util.SplittableRandom;

/** Deterministic benchmark data: distinct rows, some messages needing escapes, about 1% non-ASCII. */
final class LogRows {

    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"};
    private static final String[] SERVICES = {"checkout-api", "payments", "search", "inventory-sync", "auth"};
    private static final String[] WORDS = {
        "request",
        "completed",
        "user",
        "cart",
        "timeout",
        "retrying",
        "upstream",
        "returned",
        "status",
        "cache",
        "miss",
        "for",
        "key",
        "order",
        "shipped",
        "latency",
        "exceeded",
        "budget"
    };

    private LogRows() {}

    static LogRow[] generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LogRow[] rows = new LogRow[count];
        long start = Instant.parse("2026-11-28T00:00:00Z").getEpochSecond();
        for (int i = 0; i < count; i++) {
            Instant timestamp = Instant.ofEpochSecond(start + random.nextInt(86_400), random.nextInt(1_000_000_000));
            String host = "web-" + String.format("%03d", random.nextInt(200)) + ".prod.westeurope.example.net";
            String traceId = Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                    + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
            rows[i] = new LogRow(
                    timestamp,
                    LEVELS[random.nextInt(LEVELS.length)],
                    host,
                    SERVICES[random.nextInt(SERVICES.length)],
                    traceId,
                    message(random, i),
                    random.nextLong(5_000_000),
                    random.nextLong(1L << 31),
                    random.nextDouble(),
                    Math.round(random.nextDouble() * 250_000) / 1000.0);
        }
        return rows;
    }

    private static String message(SplittableRandom random, int i) {
        StringBuilder sb = new StringBuilder(128);
        int words = 8 + random.nextInt(12);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (i % 8 == 3) {
            sb.append(" key=\"").append(random.nextInt(100_000)).append('"'); // needs \" escapes
        }
        if (i % 32 == 5) {
            sb.append("\n\tat com.example.Checkout.pay(Checkout.java:42)"); // needs \n \t escapes
        }
        if (i % 100 == 7) {
            sb.append(" utilisateur: Zoë — 東京 ✓"); // ~1% non-ASCII
        }
        return sb.toString();
    }
}

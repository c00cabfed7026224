package io.kustotyped.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Orders the queues or containers of several storage accounts as Microsoft's Java and Python ingest clients do
 * (docs/managed-ingestion.md §2): each account's recent success rate (six 10-second buckets, newer ones weigh
 * more, no data = 1.0) puts it in a tier (at least 90 %, 70 %, 30 %, the rest); accounts are shuffled within a tier,
 * and the resources are interleaved: the first resource of each account, then the second of each, and so on. A
 * caller tries the first few in order and reports each outcome back. Thread-safe. Internal.
 */
final class StorageRanking {

    static final int BUCKETS = 6;
    static final long BUCKET_NANOS = 10_000_000_000L;
    private static final double[] TIERS = {0.9, 0.7, 0.3};

    private final Map<String, long[][]> stats = new LinkedHashMap<>(); // account -> [bucket][ok, total], ring by time

    /** The account of a storage URL: the first path segment for IP-style URLs (with a port, or an IP), else the host's first label. */
    static String account(String url) {
        URI u = URI.create(StorageRest.redact(url));
        String host = u.getHost() == null ? "" : u.getHost();
        boolean ipStyle = u.getPort() != -1 || host.matches("[0-9.]+") || host.contains(":");
        if (ipStyle) {
            String path = u.getPath() == null ? "" : u.getPath();
            String[] parts = path.split("/");
            return parts.length > 1 ? parts[1] : host;
        }
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    /** The resources in the order to try them. */
    List<String> order(List<String> urls) {
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        for (String url : urls) {
            byAccount.computeIfAbsent(account(url), a -> new ArrayList<>()).add(url);
        }
        List<List<String>> accounts = new ArrayList<>();
        List<List<String>>[] tiers = tiers();
        long now = System.nanoTime();
        for (Map.Entry<String, List<String>> e : byAccount.entrySet()) {
            double rank = rank(e.getKey(), now);
            int tier = 0;
            while (tier < TIERS.length && rank < TIERS[tier]) {
                tier++;
            }
            tiers[tier].add(e.getValue());
        }
        for (List<List<String>> tier : tiers) {
            Collections.shuffle(tier, ThreadLocalRandom.current());
            accounts.addAll(tier);
        }
        List<String> out = new ArrayList<>(urls.size());
        for (int i = 0; out.size() < urls.size(); i++) {
            for (List<String> a : accounts) {
                if (i < a.size()) {
                    out.add(a.get(i));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>>[] tiers() {
        List<List<String>>[] t = new List[TIERS.length + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = new ArrayList<>();
        }
        return t;
    }

    /** Records the outcome of a request to the account of {@code url}. */
    synchronized void report(String url, boolean success) {
        long[][] s = stats.computeIfAbsent(account(url), a -> new long[BUCKETS][3]);
        long bucket = System.nanoTime() / BUCKET_NANOS;
        long[] b = s[(int) Math.floorMod(bucket, (long) BUCKETS)];
        if (b[2] != bucket) {
            b[0] = 0;
            b[1] = 0;
            b[2] = bucket;
        }
        b[1]++;
        if (success) {
            b[0]++;
        }
    }

    /** The weighted success rate of an account over the last minute; 1.0 without data. */
    synchronized double rank(String account, long nowNanos) {
        long[][] s = stats.get(account);
        if (s == null) {
            return 1.0;
        }
        long current = nowNanos / BUCKET_NANOS;
        double weighted = 0;
        double weights = 0;
        for (long[] b : s) {
            long age = current - b[2];
            if (b[1] == 0 || age < 0 || age >= BUCKETS) {
                continue;
            }
            double w = BUCKETS - age; // the newest bucket weighs 6, the oldest 1
            weighted += w * b[0] / b[1];
            weights += w;
        }
        return weights == 0 ? 1.0 : weighted / weights;
    }
}

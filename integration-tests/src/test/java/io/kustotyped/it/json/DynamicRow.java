package io.kustotyped.it.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoIgnore;
import io.kustotyped.annotations.KustoTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Dynamic columns: maps, iterables, arrays, nested records and classes, JsonNode and Object. */
@KustoTable
public record DynamicRow(
        Map<String, Object> properties,
        List<String> tags,
        Set<Integer> codes,
        int[] counts,
        String[][] grid,
        Address address,
        Map<ScalarRow.Level, List<Point>> pointsByLevel,
        JsonNode node,
        Object anything,
        Optional<Point> maybePoint,
        List<Optional<String>> maybeTags,
        List<Map<String, List<Double>>> deep) {

    /** A nested record with a renamed and an ignored property and a nested list. */
    public record Address(
            @Column(name = "Street Name") String street,
            List<Point> corners,
            @KustoIgnore String secret,
            Instant since) {}

    /** A nested class read through getters and a public field. */
    public static final class Point {
        public final int x;
        private final double y;

        public Point(int x, double y) {
            this.x = x;
            this.y = y;
        }

        public double getY() {
            return y;
        }
    }
}

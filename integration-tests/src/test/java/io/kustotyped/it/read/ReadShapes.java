package io.kustotyped.it.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.it.ingest.AllTypes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Structures in dynamic columns that a reader has to create: nested records, a nested class with setters, a nested
 * class with public fields, collections of collections, maps with non-string keys, arrays of records, optional
 * structures, JsonNode, Object and Number.
 */
@KustoTable(name = "ReadShapes", database = "Test")
public record ReadShapes(
        long id,
        Address address,
        Settings settings,
        Marker marker,
        List<List<Integer>> matrix,
        Map<UUID, Address> byId,
        Map<AllTypes.Level, List<String>> byLevel,
        Map<Integer, Boolean> flags,
        SortedSet<String> sorted,
        Address[] history,
        String[][] grid,
        Optional<Address> maybeAddress,
        List<Optional<String>> maybeTags,
        JsonNode node,
        Object anything,
        Number number,
        char[] letters,
        @Column(name = "When") Instant when) {

    /** A nested record with a renamed property and a nested list. */
    public record Address(@Column(name = "Street Name") String street, List<Corner> corners, Instant since) {}

    /** A record nested in a nested record. */
    public record Corner(int x, double y) {}

    /** A nested class filled through setters. */
    public static final class Settings {
        private String theme;
        private int size;
        private Map<String, Double> weights;

        public String getTheme() {
            return theme;
        }

        public void setTheme(String theme) {
            this.theme = theme;
        }

        public int getSize() {
            return size;
        }

        public void setSize(int size) {
            this.size = size;
        }

        public Map<String, Double> getWeights() {
            return weights;
        }

        public void setWeights(Map<String, Double> weights) {
            this.weights = weights;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Settings s
                    && Objects.equals(theme, s.theme)
                    && size == s.size
                    && Objects.equals(weights, s.weights);
        }

        @Override
        public int hashCode() {
            return Objects.hash(theme, size, weights);
        }

        @Override
        public String toString() {
            return "Settings[" + theme + ", " + size + ", " + weights + "]";
        }
    }

    /** A nested class filled through public fields. */
    public static final class Marker {
        public double lat;
        public double lon;
        public int[] tags;

        @Override
        public boolean equals(Object o) {
            return o instanceof Marker m
                    && Double.compare(lat, m.lat) == 0
                    && Double.compare(lon, m.lon) == 0
                    && Arrays.equals(tags, m.tags);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lat, lon, Arrays.hashCode(tags));
        }

        @Override
        public String toString() {
            return "Marker[" + lat + ", " + lon + ", " + Arrays.toString(tags) + "]";
        }
    }
}

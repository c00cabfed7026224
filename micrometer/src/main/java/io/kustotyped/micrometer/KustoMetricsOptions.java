package io.kustotyped.micrometer;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;

/**
 * Options of {@link KustoIngestMetrics}: the request timer's client-side percentiles and histogram, and tags added
 * to every meter. Setters are fluent; {@link KustoIngestMetrics#create} takes a copy.
 */
public class KustoMetricsOptions {

    private double[] percentiles = {};
    private boolean percentileHistogram;
    private Tags extraTags = Tags.empty();

    /** The defaults: no percentiles, no histogram, no extra tags (Micrometer's own defaults). */
    public KustoMetricsOptions() {}

    /** A copy of {@code other}. */
    public KustoMetricsOptions(KustoMetricsOptions other) {
        this.percentiles = other.percentiles.clone();
        this.percentileHistogram = other.percentileHistogram;
        this.extraTags = other.extraTags;
    }

    /** The client-side percentiles of {@code kusto.ingest.requests}, e.g. {@code 0.5, 0.95, 0.99}. */
    public double[] getPercentiles() {
        return percentiles.clone();
    }

    /**
     * Sets the percentiles the request timer computes on the client (each in {@code [0, 1]}). They cannot be
     * aggregated across instances; prefer {@link #setPercentileHistogram(boolean)} where the backend supports it.
     */
    public KustoMetricsOptions setPercentiles(double... percentiles) {
        for (double p : percentiles) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a percentile must be in [0, 1], was " + p);
            }
        }
        this.percentiles = percentiles.clone();
        return this;
    }

    /** Whether the request timer publishes a histogram (Prometheus {@code _bucket} series) for server-side quantiles. */
    public boolean isPercentileHistogram() {
        return percentileHistogram;
    }

    /** Sets whether the request timer publishes a percentile histogram. */
    public KustoMetricsOptions setPercentileHistogram(boolean percentileHistogram) {
        this.percentileHistogram = percentileHistogram;
        return this;
    }

    /** Tags added to every meter (the application, the cluster, ...). */
    public Tags getExtraTags() {
        return extraTags;
    }

    /** Sets tags added to every meter. */
    public KustoMetricsOptions setExtraTags(Iterable<Tag> extraTags) {
        this.extraTags = Tags.of(Objects.requireNonNull(extraTags, "extraTags"));
        return this;
    }
}

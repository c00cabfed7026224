package io.kustotyped.emulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which faults to inject into ingest requests, how often, and with which seed. Immutable; {@link #NONE} injects
 * nothing.
 *
 * <p>Each ingest request draws one number from a {@code java.util.Random} seeded with {@link #seed()}; the rules
 * own consecutive slices of [0, 1) in the order they were added, so the same seed and the same sequence of
 * requests inject the same faults.
 */
public final class FaultOptions {
    /** No fault injection. */
    public static final FaultOptions NONE = builder().build();

    /**
     * One rule: inject {@code kind} at {@code phase} into this fraction of ingest requests.
     *
     * @param kind the fault
     * @param phase before or after the commit
     * @param fraction in [0, 1]
     */
    public record Rule(FaultKind kind, FaultPhase phase, double fraction) {
        /** Checks the parts. */
        public Rule {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(phase, "phase");
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("a fault fraction must be in [0, 1], not " + fraction);
            }
        }

        /**
         * Parses {@code KIND:PHASE:FRACTION}, e.g. {@code 429:before:0.1} or {@code close:after:0.05}.
         *
         * @param spec the text
         * @return the rule
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Rule parse(String spec) {
            String[] parts = spec.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException(
                        "a fault is KIND:PHASE:FRACTION (e.g. 429:before:0.1), not '" + spec + "'");
            }
            try {
                return new Rule(FaultKind.parse(parts[0]), FaultPhase.parse(parts[1]), Double.parseDouble(parts[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the fraction in fault '" + spec + "' is not a number");
            }
        }
    }

    private final long seed;
    private final List<Rule> rules;
    private final Duration retryAfter;
    private final Duration slowDelay;

    private FaultOptions(Builder b) {
        this.seed = b.seed;
        this.rules = List.copyOf(b.rules);
        this.retryAfter = b.retryAfter;
        this.slowDelay = b.slowDelay;
        double total = rules.stream().mapToDouble(Rule::fraction).sum();
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("the fault fractions add up to " + total + ", more than 1");
        }
    }

    /** @return a builder with seed 0, no rules, Retry-After 1 s and a 2 s slow delay */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the random seed */
    public long seed() {
        return seed;
    }

    /** @return the rules, in order */
    public List<Rule> rules() {
        return rules;
    }

    /** @return the {@code Retry-After} a 429 carries */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return how long a {@link FaultKind#SLOW} response is delayed */
    public Duration slowDelay() {
        return slowDelay;
    }

    /** @return whether any fault can be injected */
    public boolean enabled() {
        return rules.stream().anyMatch(r -> r.fraction() > 0);
    }

    /** Builds {@link FaultOptions}. */
    public static final class Builder {
        private long seed;
        private final List<Rule> rules = new ArrayList<>();
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration slowDelay = Duration.ofSeconds(2);

        private Builder() {}

        /** @param seed the random seed @return this */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Adds a rule.
         *
         * @param kind the fault
         * @param phase before or after the commit
         * @param fraction the fraction of ingest requests, in [0, 1]
         * @return this
         */
        public Builder fault(FaultKind kind, FaultPhase phase, double fraction) {
            rules.add(new Rule(kind, phase, fraction));
            return this;
        }

        /** @param rule a rule @return this */
        public Builder fault(Rule rule) {
            rules.add(Objects.requireNonNull(rule));
            return this;
        }

        /** @param retryAfter the Retry-After of a 429 (whole seconds are sent) @return this */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = Objects.requireNonNull(retryAfter);
            return this;
        }

        /** @param slowDelay the delay of a slow response @return this */
        public Builder slowDelay(Duration slowDelay) {
            this.slowDelay = Objects.requireNonNull(slowDelay);
            return this;
        }

        /** @return the options @throws IllegalArgumentException when the fractions add up to more than 1 */
        public FaultOptions build() {
            return new FaultOptions(this);
        }
    }
}

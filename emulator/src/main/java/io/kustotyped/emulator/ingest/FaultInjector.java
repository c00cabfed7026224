package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.fault.FaultOptions;
import java.util.Random;

/** Draws, per ingest request, which fault (if any) to inject, reproducibly from the seed. Thread-safe. */
public final class FaultInjector {
    private final FaultOptions options;
    private final Random random;

    /**
     * Creates an injector.
     *
     * @param options the rules and seed
     */
    public FaultInjector(FaultOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** @return the options */
    public FaultOptions options() {
        return options;
    }

    /**
     * Draws the fault for the next ingest request.
     *
     * @return the rule to apply, or {@code null} for none
     */
    public FaultOptions.Rule next() {
        if (!options.enabled()) {
            return null;
        }
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        double upTo = 0;
        for (FaultOptions.Rule rule : options.rules()) {
            upTo += rule.fraction();
            if (r < upTo) {
                return rule;
            }
        }
        return null;
    }
}

package io.kustotyped.emulator.store;

/**
 * A streaming ingestion policy (docs/kusto-rules.md §1.6): {@code {"IsEnabled": true, "HintAllocatedRate": 2.1}}.
 *
 * @param enabled {@code IsEnabled}
 * @param hintAllocatedRate {@code HintAllocatedRate} in GB/hour, or {@code null} when not set
 */
public record StreamingPolicy(boolean enabled, Double hintAllocatedRate) {
    /** The policy {@code enable} sets. */
    public static final StreamingPolicy ENABLED = new StreamingPolicy(true, null);
    /** The policy {@code disable} sets. */
    public static final StreamingPolicy DISABLED = new StreamingPolicy(false, null);

    /** @return the policy as Kusto shows it: {@code {"IsEnabled":true,"HintAllocatedRate":null}} */
    public String toJson() {
        return "{\"IsEnabled\":" + enabled + ",\"HintAllocatedRate\":" + hintAllocatedRate + "}";
    }
}

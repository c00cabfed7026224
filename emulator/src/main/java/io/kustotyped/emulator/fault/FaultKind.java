package io.kustotyped.emulator.fault;

import java.util.Locale;

/** The ways a real cluster fails a streaming ingest request, as the emulator can inject them. */
public enum FaultKind {
    /** 429 {@code TooManyRequests} with a {@code Retry-After} header, {@code @permanent: false}. */
    THROTTLE("429"),
    /** 500 {@code General_InternalServerError}, {@code @permanent: false}. */
    INTERNAL_ERROR("500"),
    /** 503 {@code ServiceUnavailable}, {@code @permanent: false}. */
    SERVICE_UNAVAILABLE("503"),
    /** The connection is closed without any response. */
    CONNECTION_CLOSE("close"),
    /** The response is delayed (it is otherwise normal). */
    SLOW("slow");

    private final String flag;

    FaultKind(String flag) {
        this.flag = flag;
    }

    /** @return the short name used in {@code --fault} flags: {@code 429}, {@code 500}, {@code 503}, {@code close}, {@code slow} */
    public String flag() {
        return flag;
    }

    /**
     * Parses a short name ({@code 429}) or an enum name ({@code throttle}), any case.
     *
     * @param text the name
     * @return the kind
     * @throws IllegalArgumentException for an unknown name
     */
    public static FaultKind parse(String text) {
        for (FaultKind k : values()) {
            if (k.flag.equalsIgnoreCase(text) || k.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text + "' (use 429, 500, 503, close or slow)");
    }

    /** @return the lower-case name */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

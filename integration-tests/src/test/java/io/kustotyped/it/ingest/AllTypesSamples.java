package io.kustotyped.it.ingest;

/** The sample rows of {@link AllTypesRoundTripTest} and {@link AllTypesReadBackTest}, for tests in other packages. */
public final class AllTypesSamples {

    private AllTypesSamples() {}

    /** A row with every value present. */
    public static AllTypes full() {
        return AllTypesRoundTripTest.full();
    }
}

package io.kustotyped.emulator;

import io.kustotyped.emulator.store.Catalog;

/** The emulator's store, for its own tests in other packages (users inspect tables through the public methods). */
public final class EmulatorInternals {
    private EmulatorInternals() {}

    /**
     * @param emulator a running emulator
     * @return its store
     */
    public static Catalog catalog(KustoEmulator emulator) {
        return emulator.catalog();
    }
}

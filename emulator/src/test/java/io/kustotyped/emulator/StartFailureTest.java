package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import org.junit.jupiter.api.Test;

/** A start that cannot succeed fails at once, unchecked, with the cause that says why. */
class StartFailureTest {

    @Test
    void aPortInUseFailsTheStartNamingTheCause() {
        try (KustoEmulator first = KustoEmulator.builder().start()) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> KustoEmulator.builder().port(first.port()).start());
            assertTrue(e.getCause() instanceof BindException, String.valueOf(e.getCause()));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }
}

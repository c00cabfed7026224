package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kustotyped.emulator.store.StreamingPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension as a user registers it. */
class KustoEmulatorExtensionTest {
    @RegisterExtension
    static KustoEmulatorExtension kusto =
            KustoEmulatorExtension.create(b -> b.database("Test").enableStreaming());

    @Test
    void providesARunningEmulator(KustoEmulator emulator) {
        assertSame(kusto.emulator(), emulator);
        assertEquals(
                StreamingPolicy.ENABLED, emulator.catalog().database("Test").streamingPolicy());
        TestClient c = new TestClient(kusto.uri());
        c.mgmt("Test", ".create table T (a:long)");
        assertEquals(200, c.ingest("Test", "T", "streamFormat=csv", "1").statusCode());
        assertEquals(1, c.count("Test", "T"));
    }
}

package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a test sees of the emulator's tables without reaching into its store: names, rows, streaming policy. */
class InspectionTest {

    @Test
    void tablesRowsAndPolicyAsAClientLeftThem() {
        try (KustoEmulator emu = KustoEmulator.builder().database("Db").start()) {
            TestClient client = new TestClient(emu.uri());
            assertEquals(List.of(), emu.tableNames("Db"));
            assertEquals(List.of(), emu.tableNames("NoSuchDb"));
            client.mgmt("Db", ".create table Zeta (a:long, s:string, t:datetime)");
            client.mgmt("Db", ".create table Alpha (a:long)");
            assertEquals(
                    List.of("Alpha", "Zeta"), emu.tableNames("db"), "sorted; the database name is case-insensitive");

            assertFalse(emu.streamingIngestionEnabled("Db", "Zeta"));
            client.mgmt("Db", ".alter database Db policy streamingingestion enable");
            assertTrue(emu.streamingIngestionEnabled("Db", "Zeta"), "the database's policy applies to its tables");
            client.mgmt("Db", ".alter table Zeta policy streamingingestion disable");
            assertFalse(emu.streamingIngestionEnabled("Db", "Zeta"), "the table's own policy overrides it");
            assertTrue(emu.streamingIngestionEnabled("Db", "Alpha"));

            assertEquals(
                    200,
                    client.ingest("Db", "Alpha", "streamFormat=csv", "1\n2\n").statusCode());
            assertEquals(List.of(List.of(1L), List.of(2L)), emu.rows("Db", "Alpha"));
            client.mgmt("Db", ".alter table Zeta policy streamingingestion enable");
            assertEquals(
                    200,
                    client.ingest("Db", "Zeta", "streamFormat=csv", "7,,2024-01-01T00:00:00Z\n")
                            .statusCode());
            assertEquals(List.of(Arrays.asList(7L, "", Instant.parse("2024-01-01T00:00:00Z"))), emu.rows("Db", "Zeta"));
            assertThrows(
                    UnsupportedOperationException.class,
                    () -> emu.rows("Db", "Zeta").get(0).set(0, 8L));

            IllegalArgumentException noTable =
                    assertThrows(IllegalArgumentException.class, () -> emu.rows("Db", "zeta"));
            assertEquals("database 'Db' has no table 'zeta'", noTable.getMessage());
            IllegalArgumentException noDb =
                    assertThrows(IllegalArgumentException.class, () -> emu.streamingIngestionEnabled("Nope", "T"));
            assertEquals("the emulator has no database 'Nope'", noDb.getMessage());
        }
    }
}

package io.kustotyped.emulator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kustotyped.emulator.error.KustoError;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The streaming schema cache model, on a clock the test moves. */
class SchemaPropagationTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SchemaPropagation cache = new SchemaPropagation(Duration.ofSeconds(10), now::get);

    private static String code(Runnable check) {
        return assertThrows(KustoError.class, check::run).code();
    }

    @Test
    void aNewTableMappingAndPolicyAreInvisibleForTheDelayThenVisible() {
        cache.tableCreated("Db", "T");
        cache.mappingChanged("Db", "T", "Json", "T_1");
        cache.streamingEnabled("Db", "T");
        assertEquals("BadRequest_TableNotExist", code(() -> cache.checkTable("db", "T")), "database names ignore case");
        assertEquals(
                "BadRequest_StreamingIngestionPolicyNotEnabled",
                code(() -> cache.checkStreamingPolicy("Db", "T", true)));
        assertEquals(
                "BadRequest_MappingReferenceWasNotFound", code(() -> cache.checkMapping("Db", "T", "Json", "T_1")));
        cache.checkTable("Db", "t"); // table names are case-sensitive: another table

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        cache.checkTable("Db", "T");
        cache.checkStreamingPolicy("Db", "T", true);
        cache.checkMapping("Db", "T", "Json", "T_1");
    }

    @Test
    void clearingATableShowsItsChangesAndNoOtherTables() {
        cache.tableCreated("Db", "T");
        cache.mappingChanged("Db", "T", "Json", "T_1");
        cache.tableCreated("Db", "U");
        cache.clearTable("Db", "T");
        cache.checkTable("Db", "T");
        cache.checkMapping("Db", "T", "Json", "T_1");
        assertEquals("BadRequest_TableNotExist", code(() -> cache.checkTable("Db", "U")));
        cache.clearDatabase("DB");
        cache.checkTable("Db", "U");
    }

    @Test
    void aDatabasePolicyCountsOnlyForTablesWithoutTheirOwn() {
        cache.streamingEnabled("Db", null);
        cache.checkStreamingPolicy("Db", "T", true);
        assertEquals(
                "BadRequest_StreamingIngestionPolicyNotEnabled",
                code(() -> cache.checkStreamingPolicy("Db", "T", false)));
    }

    @Test
    void noDelayRecordsNothing() {
        SchemaPropagation none = SchemaPropagation.NONE;
        none.tableCreated("Db", "T");
        none.checkTable("Db", "T");
        assertThrows(IllegalArgumentException.class, () -> new SchemaPropagation(Duration.ofSeconds(-1)));
    }
}

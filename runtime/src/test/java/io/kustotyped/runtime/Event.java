package io.kustotyped.runtime;

import io.kustotyped.runtime.json.JsonRowWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A hand-written stand-in for what the processor generates, for runtime tests. */
record Event(long id, String message) {

    static final byte[] ID = "{\"Id\":".getBytes(StandardCharsets.UTF_8);
    static final byte[] MESSAGE = ",\"Message\":".getBytes(StandardCharsets.UTF_8);

    /** Fails on a message equal to "boom", to test per-row writer failures. */
    static final JsonRowWriter<Event> WRITER = (row, out) -> {
        if ("boom".equals(row.message())) {
            throw new IllegalArgumentException("cannot write message 'boom'");
        }
        out.raw(ID);
        out.number(row.id());
        out.raw(MESSAGE);
        out.string(row.message());
        out.rawByte('}');
    };

    static final TableSchema SCHEMA = new TableSchema() {
        @Override
        public String tableName() {
            return "My Events";
        }

        @Override
        public Optional<String> defaultDatabase() {
            return Optional.of("DefaultDb");
        }

        @Override
        public String mappingName() {
            return "My Events_mapping";
        }

        @Override
        public List<ColumnDescriptor> columns() {
            return List.of(new ColumnDescriptor("Id", "long"), new ColumnDescriptor("Message", "string"));
        }

        @Override
        public String mappingJson() {
            return "[{\"column\":\"Id\",\"datatype\":\"long\",\"Properties\":{\"Path\":\"$.Id\"}},"
                    + "{\"column\":\"Message\",\"datatype\":\"string\",\"Properties\":{\"Path\":\"$.Message\"}}]";
        }

        @Override
        public List<String> schemaCommands() {
            return List.of(
                    ".create-merge table ['My Events'] (['Id']:long, ['Message']:string)",
                    ".create-or-alter table ['My Events'] ingestion json mapping \"My Events_mapping\" '"
                            + mappingJson() + "'",
                    ".alter table ['My Events'] policy streamingingestion enable");
        }
    };

    /** What generated XIngestor classes look like. */
    static final class Ingestor extends TableIngestor<Event> {
        Ingestor(KustoClient client, String database, IngestOptions options) {
            super(client, database, SCHEMA, WRITER, options);
        }
    }
}

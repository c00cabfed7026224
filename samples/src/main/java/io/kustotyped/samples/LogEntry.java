package io.kustotyped.samples;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;
import java.time.Instant;

/**
 * The example of Kusto's streaming-ingestion documentation as a class: table {@code Logs} in database {@code Test}
 * with the columns {@code Timestamp}, {@code Level} and {@code EventText}. The processor generates
 * {@code LogEntryIngestor}, {@code LogEntryKustoSchema}, {@code LogEntryJsonWriter} and
 * {@code META-INF/kusto/Logs.kql}; rows are sent with the generated JSON mapping.
 *
 * @param timestamp when it happened (a {@code datetime} column)
 * @param level the severity, e.g. {@code Info} or {@code Error}
 * @param eventText what happened
 */
@KustoTable(name = "Logs", database = "Test")
public record LogEntry(
        @Column(name = "Timestamp") Instant timestamp,
        @Column(name = "Level") String level,
        @Column(name = "EventText") String eventText) {}

/**
 * The kusto-typed emulator: a local, Kusto-compatible server started in process ({@link
 * io.kustotyped.emulator.KustoEmulator}, {@link io.kustotyped.emulator.KustoEmulatorExtension} for JUnit 5) or
 * standalone ({@code java -jar kusto-typed-emulator.jar}).
 *
 * <p>Exported: {@code io.kustotyped.emulator} (the builder and its options, the JUnit extension, {@code
 * TlsCertificate}, {@code EmulatorStats}), {@code io.kustotyped.emulator.fault} (fault injection options) and {@code
 * io.kustotyped.emulator.dm} (queued ingestion: its options, the Azurite launcher and JUnit extension). Not
 * exported: {@code store}, {@code ingest}, {@code kql}, {@code queue}, {@code http} and {@code error}, the server's internals.
 */
module io.kustotyped.emulator {
    // Future and Vertx are in the API (startAsync, closeAsync, vertx()).
    requires transitive io.vertx.core;
    // EmulatorStats.toJson returns a Jackson ObjectNode; rows() may hold JsonNode cells.
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    // The JUnit 5 extension: users who use it have JUnit already.
    requires static org.junit.jupiter.api;
    requires java.logging;
    // The Data Management side talks to Azure Storage (Azurite) over plain HTTP with the JDK's client.
    requires java.net.http;
    // The open-file-descriptor count behind the default connection limit (com.sun.management).
    requires jdk.management;

    exports io.kustotyped.emulator;
    exports io.kustotyped.emulator.fault;
    exports io.kustotyped.emulator.dm;
}

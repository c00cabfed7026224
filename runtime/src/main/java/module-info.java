/**
 * The kusto-typed runtime: {@link io.kustotyped.runtime.KustoClient}, the ingestors the processor generates extend
 * ({@link io.kustotyped.runtime.TableIngestor}), their options, results and errors.
 *
 * <p>Exported: {@code io.kustotyped.runtime} (the API), {@code io.kustotyped.runtime.auth} (token providers) and
 * {@code io.kustotyped.runtime.json} (what generated writers call), {@code io.kustotyped.runtime.read} (what generated
 * readers call). Not exported: {@code io.kustotyped.runtime.impl}.
 */
module io.kustotyped.runtime {
    // Vert.x types (Future, Vertx, Buffer, WriteStream) are in the API, so users read them through this module.
    requires transitive io.vertx.core;
    requires io.vertx.web.client;
    // The request body wraps the reused gzip array without a copy (see PieceSender.compress).
    requires io.netty.buffer;
    // Vert.x JSON (JsonObject: request payloads and results) runs on jackson-core, which vertx-core only requires
    // statically: without this line it would not be resolved on the module path.
    requires transitive com.fasterxml.jackson.core;
    // Only for JsonNode-typed columns: a user who has such a column has databind already.
    requires static com.fasterxml.jackson.databind;
    requires java.logging;

    exports io.kustotyped.runtime;
    exports io.kustotyped.runtime.auth;
    exports io.kustotyped.runtime.json;
    exports io.kustotyped.runtime.read;
}

package io.kustotyped.runtime;

/**
 * CONTRACT SKETCH (the runtime owner fills this in): a connection to one Kusto cluster (or the emulator),
 * created with {@code KustoClient.create(vertx, options)}.
 */
public interface KustoClient {
}

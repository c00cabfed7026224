package io.kustotyped.it.tls;

import io.kustotyped.annotations.KustoTable;

/** A row sent over TLS and through proxies. */
@KustoTable(name = "Secure", database = "Test")
public record SecureEvent(long seq, String message) {}

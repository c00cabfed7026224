/**
 * The annotations of kusto-typed: typed streaming ingestion into Azure Data Explorer (Kusto).
 *
 * <pre>{@code
 * @KustoTable(name = "Logs", database = "Telemetry")
 * public record LogRow(
 *         Instant timestamp,
 *         @Column(name = "Level") String level,
 *         @Column(transform = KustoTransform.DATETIME_FROM_UNIX_MILLISECONDS) long receivedAtMillis,
 *         Map<String, Object> properties,
 *         @KustoIgnore String debugOnly) {
 * }
 * }</pre>
 *
 * With the processor ({@code kusto-typed-processor}) on the annotation-processor path, compiling this generates
 * {@code LogRowJsonWriter}, {@code LogRowKustoSchema} (the {@code .create-merge table}, ingestion-mapping and
 * streaming-policy commands as constants), {@code LogRowIngestor} and the script resource
 * {@code META-INF/kusto/Logs.kql}. Mistakes (an unsupported type, an illegal name, two properties on one column, ...)
 * are compile errors on the offending element.
 */
package io.kustotyped.annotations;

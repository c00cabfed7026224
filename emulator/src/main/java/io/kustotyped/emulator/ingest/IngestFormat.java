package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code streamFormat} values of the ingest endpoint (docs/kusto-rules.md §1.1), matched case-insensitively, with
 * their mapping kind and whether the emulator implements them.
 */
public enum IngestFormat {
    /** Comma-separated values, RFC 4180 quoting. */
    CSV("csv", "Csv", ',', true),
    /** Tab-separated values. */
    TSV("tsv", "Csv", '\t', true),
    /** Tab-separated values with backslash escapes ({@code \t}, {@code \n}, {@code \\}). */
    TSVE("tsve", "Csv", '\t', true),
    /** Semicolon-separated values. */
    SCSV("scsv", "Csv", ';', true),
    /** SOH (U+0001)-separated values. */
    SOHSV("sohsv", "Csv", '\u0001', true),
    /** Pipe-separated values. */
    PSV("psv", "Csv", '|', true),
    /** Text: each line is a record with one field. */
    TXT("txt", "Csv", '\0', true),
    /** Raw: the whole body is one record with one field. */
    RAW("raw", "Csv", '\0', true),
    /** JSON Lines: one object per line, bad lines skipped (docs/kusto-rules.md §8). */
    JSON("json", "Json", '\0', true),
    /** An array of objects or objects one after another; a bad record fails the payload (docs/kusto-rules.md §8). */
    MULTIJSON("multijson", "Json", '\0', true),
    /** A single JSON object (deprecated, docs/kusto-rules.md §8). */
    SINGLEJSON("singlejson", "Json", '\0', true),
    /** Avro (not implemented by the emulator). */
    AVRO("avro", "Avro", '\0', false),
    /** Apache Avro (not implemented). */
    APACHEAVRO("apacheavro", "ApacheAvro", '\0', false),
    /** Parquet (not implemented). */
    PARQUET("parquet", "Parquet", '\0', false),
    /** ORC (not implemented). */
    ORC("orc", "Orc", '\0', false),
    /** Structured stream (not implemented). */
    SSTREAM("sstream", "SStream", '\0', false),
    /** W3C log file (not implemented). */
    W3CLOGFILE("w3clogfile", "W3CLogFile", '\0', false),
    /** Azure Monitor stream (not implemented). */
    AZMONSTREAM("azmonstream", "AzMonStream", '\0', false);

    private final String wireName;
    private final String mappingKind;
    private final char delimiter;
    private final boolean implemented;

    IngestFormat(String wireName, String mappingKind, char delimiter, boolean implemented) {
        this.wireName = wireName;
        this.mappingKind = mappingKind;
        this.delimiter = delimiter;
        this.implemented = implemented;
    }

    /**
     * Parses a {@code streamFormat} value, any case.
     *
     * @param value the query parameter value
     * @return the format
     * @throws KustoError 400 {@code BadRequest_FormatNotSupported} when missing or unknown
     */
    public static IngestFormat parse(String value) {
        if (value == null || value.isBlank()) {
            throw KustoErrors.formatNotSupported(
                    "The 'streamFormat' query parameter is required. Known formats: " + known() + ".");
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (IngestFormat f : values()) {
            if (f.wireName.equals(v)) {
                return f;
            }
        }
        throw KustoErrors.formatNotSupported("Unknown streamFormat '" + value + "'. Known formats: " + known() + ".");
    }

    private static String known() {
        return Arrays.stream(values()).map(f -> f.wireName).collect(Collectors.joining(", "));
    }

    /** @return the names of the formats the emulator implements, for error messages */
    public static String implementedNames() {
        return Arrays.stream(values())
                .filter(f -> f.implemented)
                .map(f -> f.wireName)
                .collect(Collectors.joining(", "));
    }

    /** @return the lower-case wire name */
    public String wireName() {
        return wireName;
    }

    /** @return the mapping kind a mapping for this format must have ({@code Json}, {@code Csv}, ...) */
    public String mappingKind() {
        return mappingKind;
    }

    /** @return the field delimiter of a separated-values format, {@code '\0'} otherwise */
    public char delimiter() {
        return delimiter;
    }

    /** @return whether the emulator can read this format */
    public boolean implemented() {
        return implemented;
    }

    /** @return whether a {@code mappingName} is required (JSON formats and Avro, docs/streaming-ingest.md) */
    public boolean requiresMapping() {
        return mappingKind.equals("Json") || this == AVRO;
    }

    /** @return whether this is one of the JSON formats */
    public boolean isJson() {
        return mappingKind.equals("Json");
    }
}

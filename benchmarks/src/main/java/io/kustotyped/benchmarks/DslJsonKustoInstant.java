package io.kustotyped.benchmarks;

import com.dslplatform.json.JsonConverter;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import java.time.Instant;

/**
 * A DSL-JSON user's converter for {@link Instant} in Kusto's datetime format (docs/kusto-rules.md §4.2); DSL-JSON's
 * annotation processor registers it for the {@code @CompiledJson} {@link LogRow}.
 */
@JsonConverter(target = Instant.class)
public final class DslJsonKustoInstant {

    /** Writes the quoted Kusto datetime without allocating. */
    public static final JsonWriter.WriteObject<Instant> JSON_WRITER = (writer, value) -> {
        if (value == null) {
            writer.writeNull();
        } else {
            writer.writeAscii(KustoInstantText.quoted(value));
        }
    };

    /** Reads it back (not measured). */
    public static final JsonReader.ReadObject<Instant> JSON_READER =
            reader -> reader.wasNull() ? null : Instant.parse(reader.readString());

    private DslJsonKustoInstant() {}
}

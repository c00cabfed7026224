package io.kustotyped.benchmarks;

import io.avaje.json.JsonAdapter;
import io.avaje.json.JsonReader;
import io.avaje.json.JsonWriter;
import java.time.Instant;

/**
 * An avaje-jsonb user's adapter for {@link Instant} in Kusto's datetime format (docs/kusto-rules.md §4.2). avaje's
 * {@link JsonWriter} takes only strings, so it builds one per value (28 chars).
 */
final class AvajeKustoInstantAdapter implements JsonAdapter<Instant> {

    @Override
    public void toJson(JsonWriter writer, Instant value) {
        writer.value(KustoInstantText.format(value));
    }

    @Override
    public Instant fromJson(JsonReader reader) {
        return Instant.parse(reader.readString());
    }
}

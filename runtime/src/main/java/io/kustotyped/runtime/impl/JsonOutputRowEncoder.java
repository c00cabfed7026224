package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.json.JsonOutput;
import io.kustotyped.runtime.json.JsonRowWriter;

/**
 * A {@link RowEncoder} over a generated {@link JsonRowWriter} and a reused {@link JsonOutput}. Internal.
 *
 * @param <T> the row type
 */
public final class JsonOutputRowEncoder<T> implements RowEncoder<T> {

    private final JsonRowWriter<T> writer;
    private final JsonOutput out = new JsonOutput(4096);

    /** @param writer the generated writer */
    public JsonOutputRowEncoder(JsonRowWriter<T> writer) {
        this.writer = writer;
    }

    @Override
    public void encode(T row) {
        out.reset();
        writer.write(row, out);
    }

    @Override
    public byte[] array() {
        return out.array();
    }

    @Override
    public int size() {
        return out.size();
    }
}

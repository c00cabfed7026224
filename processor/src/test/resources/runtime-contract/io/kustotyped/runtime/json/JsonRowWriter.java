package io.kustotyped.runtime.json;

/**
 * Writes one row of type {@code T} as one compact JSON object, with no trailing newline.
 *
 * <p>The annotation processor generates an implementation for every {@code @KustoTable} class
 * ({@code OrderJsonWriter} for {@code Order}). Implementations are stateless and thread-safe:
 * all state lives in the {@link JsonOutput} they write to.
 *
 * @param <T> the row type
 */
@FunctionalInterface
public interface JsonRowWriter<T> {

    /**
     * Appends {@code row} to {@code out} as one JSON object on one line.
     *
     * @param row the row; never {@code null}
     * @param out where to write
     */
    void write(T row, JsonOutput out);
}

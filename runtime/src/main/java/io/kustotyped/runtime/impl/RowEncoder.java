package io.kustotyped.runtime.impl;

/**
 * Serializes one row at a time into a reusable buffer. One instance per thread; not thread-safe. Internal.
 *
 * @param <T> the row type
 */
public interface RowEncoder<T> {

    /** Serializes {@code row} as one compact JSON object, replacing what the previous call wrote. */
    void encode(T row);

    /** The buffer; valid bytes are {@code [0, size())}. */
    byte[] array();

    /** The bytes the last {@link #encode} wrote. */
    int size();
}

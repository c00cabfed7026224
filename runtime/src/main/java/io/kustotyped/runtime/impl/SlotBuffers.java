package io.kustotyped.runtime.impl;

import io.vertx.core.buffer.Buffer;

/**
 * The reusable arrays of one in-flight batch: its raw JSON lines, their row ends and indexes, and the gzip body of its
 * current piece. An ingestor keeps them in its {@link AsyncSlots}: whoever holds a slot takes one set for its batch
 * and gives it back when the batch's last request has settled, so a set is never shared and never reused while a
 * request may still read it. There are never more sets than slots, so the memory bound
 * {@code maxInFlight * (maxRawBatchBytes + maxCompressedBatchBytes)} also covers the sets kept between calls.
 * Internal.
 */
final class SlotBuffers {
    /** The raw lines; starts at 64 KiB (or the raw limit) and only grows, up to the raw limit. */
    byte[] raw;
    /** The end of each row in {@link #raw}. */
    int[] ends = new int[256];
    /** The input index of each row. */
    long[] index = new long[256];
    /** The gzip body of the piece in flight (the request sends a slice of it, not a copy); null until the first one. */
    Buffer gz;
}

package io.kustotyped.runtime.impl.deflate;

/** Where {@link JsonDeflater} hands its output, one chunk at a time. Internal. */
public interface DeflateSink {

    /**
     * Takes {@code chunk[0, length)}, which the caller reuses once this returns.
     *
     * @return false to stop: the caller abandons the stream (e.g. it would be over a size limit)
     */
    boolean accept(byte[] chunk, int length);
}

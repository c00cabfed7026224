package io.kustotyped.emulator.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The file operations the store writes its data directory through. {@link #system()} is the real file
 * system; tests pass an implementation that fails on demand to prove that a failed write changes nothing
 * (see emulator/DESIGN.md, "Persistence"). Reads go straight to the file system: only writes can leave a
 * half-done state behind.
 */
public interface StoreIo {
    /**
     * Opens a file for positional writes.
     *
     * @param file the file
     * @param create whether to create it when missing ({@code false}: it must exist)
     * @return the open file
     * @throws IOException when it cannot be opened
     */
    StoreFile open(Path file, boolean create) throws IOException;

    /**
     * Moves {@code source} over {@code target} atomically (readers see the old or the new file, never a mix).
     *
     * @param source the file to move
     * @param target the file it replaces
     * @throws IOException when the move fails
     */
    void replace(Path source, Path target) throws IOException;

    /**
     * Deletes a file; a missing file is not an error.
     *
     * @param file the file
     * @throws IOException when it exists and cannot be deleted
     */
    void delete(Path file) throws IOException;

    /**
     * Makes the creation, rename or deletion of the directory's entries durable (fsync of the directory).
     *
     * @param dir the directory
     * @throws IOException when the directory cannot be synced
     */
    void syncDirectory(Path dir) throws IOException;

    /** @return the real file system */
    static StoreIo system() {
        return SystemStoreIo.INSTANCE;
    }

    /** An open file of the data directory. */
    interface StoreFile extends Closeable {
        /**
         * Writes all of {@code bytes} at {@code position}.
         *
         * @param bytes what to write
         * @param position the file offset
         * @throws IOException when the write fails (part of it may be written)
         */
        void write(ByteBuffer bytes, long position) throws IOException;

        /**
         * Forces the content (and the size) to the device: fsync.
         *
         * @throws IOException when the device reports a failure
         */
        void force() throws IOException;

        /**
         * Cuts the file to {@code size} bytes.
         *
         * @param size the new size
         * @throws IOException when it fails
         */
        void truncate(long size) throws IOException;

        /**
         * @return the current size in bytes
         * @throws IOException when it cannot be read
         */
        long size() throws IOException;
    }
}

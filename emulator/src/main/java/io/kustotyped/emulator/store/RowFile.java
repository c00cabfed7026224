package io.kustotyped.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The row file of one table, {@code rows/<table-id>.rows}: a header line naming the table id, then one framed
 * record per committed append. A frame is {@code FF 4B 52 32} (magic), the payload length (4 bytes, big
 * endian), the CRC-32C of the length and the payload (4 bytes), then the payload: a JSON array of rows, ASCII
 * only. Because the payload never holds a {@code FF} byte, no frame can start inside another one. The format
 * and the rules that make it lossless are in emulator/DESIGN.md, "Persistence".
 */
final class RowFile {
    static final String SUFFIX = ".rows";
    static final byte[] MAGIC = {(byte) 0xFF, 'K', 'R', '2'};
    static final int FRAME_HEADER = 12;
    /** Far above any append (the ingest body limit is 10 MiB); a larger length can only be damage. */
    static final int MAX_PAYLOAD = 1 << 30;

    private RowFile() {}

    /** @return the header line of the row file of table {@code id} */
    static byte[] header(String id) {
        return ("kusto-typed-emulator rows 2 " + id + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the frame holding {@code payload} */
    static ByteBuffer frame(byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(FRAME_HEADER + payload.length);
        buf.put(MAGIC).putInt(payload.length);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 4, 4);
        crc.update(payload);
        buf.putInt((int) crc.getValue()).put(payload).flip();
        return buf;
    }

    /**
     * The length of the complete, intact frame at {@code pos}, or -1 when there is none (a torn or damaged one).
     */
    static int frameAt(byte[] bytes, int pos) {
        if (bytes.length - pos < FRAME_HEADER || !Arrays.equals(bytes, pos, pos + 4, MAGIC, 0, 4)) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, pos + 4, 8);
        int length = b.getInt();
        int storedCrc = b.getInt();
        if (length <= 0 || length > MAX_PAYLOAD || length > bytes.length - pos - FRAME_HEADER) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, pos + 4, 4);
        crc.update(bytes, pos + FRAME_HEADER, length);
        return (int) crc.getValue() == storedCrc ? FRAME_HEADER + length : -1;
    }

    /** What a row file holds. */
    record Content(List<Object[]> rows, int records, long goodEnd, long size) {
        /** @return whether the file ends with a torn (never acknowledged) append to cut off */
        boolean torn() {
            return goodEnd < size;
        }
    }

    /**
     * Reads the records of a row file. A tail that is not an intact frame is a torn append, reported through
     * {@link Content#goodEnd()}; damage anywhere else is an error, because it cannot come from a crash.
     *
     * @throws IOException naming the file and the offset when the file is not what this emulator wrote
     */
    static Content read(Path file, byte[] bytes, String id, List<ColumnDef> columns) throws IOException {
        byte[] header = header(id);
        if (bytes.length < header.length || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
            throw new IOException(file + " does not start with the header of the row file of table id " + id
                    + "; it was not written by this emulator version");
        }
        List<Object[]> rows = new ArrayList<>();
        int records = 0;
        int pos = header.length;
        while (pos < bytes.length) {
            int len = frameAt(bytes, pos);
            if (len < 0) {
                checkTornTail(file, bytes, pos);
                break;
            }
            JsonNode batch;
            try {
                batch = RowCodec.JSON.readTree(bytes, pos + FRAME_HEADER, len - FRAME_HEADER);
            } catch (IOException e) {
                throw new IOException(
                        file + ": the record at offset " + pos + " has a valid checksum but is not " + "readable JSON: "
                                + e.getMessage(),
                        e);
            }
            if (!(batch instanceof ArrayNode)) {
                throw new IOException(file + ": the record at offset " + pos + " is not a JSON array of rows");
            }
            for (JsonNode row : batch) {
                rows.add(RowCodec.decode(row, columns));
            }
            records++;
            pos += len;
        }
        return new Content(rows, records, pos, bytes.length);
    }

    /**
     * An append is fsync'd before the next one starts, so only the last one can be incomplete. An intact frame
     * after a bad one therefore means damage to acknowledged data, and cutting there would lose it.
     */
    private static void checkTornTail(Path file, byte[] bytes, int badAt) throws IOException {
        for (int p = badAt + 1; p < bytes.length; p++) {
            if (bytes[p] == MAGIC[0] && frameAt(bytes, p) > 0) {
                throw new IOException(file + ": the record at offset " + badAt + " is damaged, yet an intact record "
                        + "follows at offset " + p + ". This is not a torn write (which can only be the last "
                        + "record), so the emulator will not cut it off; the file needs a look");
            }
        }
    }

    /** An open row file that appends at the end of the last intact record. Not thread-safe (the table locks). */
    static final class Writer {
        private final StoreIo.StoreFile file;
        private long end;

        private Writer(StoreIo.StoreFile file, long end) {
            this.file = file;
            this.end = end;
        }

        /** Creates the file with its header, fsync'd (the caller syncs the directory). */
        static Writer create(StoreIo io, Path path, String id) throws IOException {
            StoreIo.StoreFile f = io.open(path, true);
            try {
                byte[] header = header(id);
                f.write(ByteBuffer.wrap(header), 0);
                f.truncate(header.length);
                f.force();
                return new Writer(f, header.length);
            } catch (IOException | RuntimeException e) {
                closeQuietly(f, e);
                throw e;
            }
        }

        /** Opens an existing file whose intact content ends at {@code end}. */
        static Writer open(StoreIo io, Path path, long end) throws IOException {
            return new Writer(io.open(path, false), end);
        }

        /**
         * Writes one record holding all the rows and fsyncs it. It goes right after the last intact record, so
         * whatever a failed earlier attempt left behind is overwritten or cut off, never glued to.
         */
        void append(List<Object[]> rows) throws IOException {
            ByteBuffer frame = frame(RowCodec.encodeBatch(rows));
            long start = end;
            long newEnd = start + frame.remaining();
            try {
                file.write(frame, start);
                if (file.size() > newEnd) {
                    file.truncate(newEnd);
                }
                file.force();
            } catch (IOException | RuntimeException e) {
                try {
                    file.truncate(start);
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed); // the next append overwrites from `start` anyway
                }
                throw e;
            }
            end = newEnd;
        }

        void close() {
            closeQuietly(file, null);
        }

        private static void closeQuietly(StoreIo.StoreFile f, Throwable pending) {
            try {
                f.close();
            } catch (IOException e) {
                if (pending != null) {
                    pending.addSuppressed(e);
                }
            }
        }
    }
}

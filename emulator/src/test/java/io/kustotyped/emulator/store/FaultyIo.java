package io.kustotyped.emulator.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link StoreIo} on the real file system that fails one chosen operation on demand, like a full or broken
 * disk would: {@link #failNext(Op, Predicate)} arms a fault, the next matching call throws "No space left on
 * device". A failing write first writes half of its bytes; a failing rename first renames (the failure is in
 * making it durable), which is the worst case for the caller.
 */
public final class FaultyIo implements StoreIo {
    /** The operations a fault can hit. */
    public enum Op {
        WRITE,
        FORCE,
        TRUNCATE,
        REPLACE,
        SYNC_DIRECTORY,
        DELETE
    }

    private final StoreIo real = StoreIo.system();
    private final List<Fault> armed = new ArrayList<>(); // guarded by this
    private final AtomicInteger injected = new AtomicInteger();

    private static final class Fault {
        final Op op;
        final Predicate<Path> path;
        int remaining;

        Fault(Op op, Predicate<Path> path, int remaining) {
            this.op = op;
            this.path = path;
            this.remaining = remaining;
        }
    }

    /**
     * Arms the next {@code count} calls of {@code op} on a path matching {@code path} to fail (in addition to
     * faults armed before).
     *
     * @return this
     */
    public synchronized FaultyIo fail(Op op, Predicate<Path> path, int count) {
        armed.add(new Fault(op, path, count));
        return this;
    }

    /** Arms the next call of {@code op} on a matching path to fail. @return this */
    public FaultyIo failNext(Op op, Predicate<Path> path) {
        return fail(op, path, 1);
    }

    /** Disarms. */
    public synchronized void clear() {
        armed.clear();
    }

    /** @return how many faults were injected so far */
    public int injected() {
        return injected.get();
    }

    /** @return whether a fault is still armed */
    public synchronized boolean armed() {
        return !armed.isEmpty();
    }

    /** Matches the catalog files. */
    public static boolean catalog(Path p) {
        return p.getFileName().toString().startsWith("catalog.json")
                || p.getFileName().toString().equals("catalog.dir");
    }

    /** Matches the row files and the rows directory. */
    public static boolean rows(Path p) {
        String name = p.getFileName().toString();
        return name.equals("rows") || name.endsWith(".rows");
    }

    private synchronized boolean trip(Op op, Path path) {
        for (Iterator<Fault> it = armed.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.op == op && f.path.test(path)) {
                if (--f.remaining <= 0) {
                    it.remove();
                }
                injected.incrementAndGet();
                return true;
            }
        }
        return false;
    }

    private static IOException noSpace(Op op, Path p) {
        return new IOException("No space left on device (injected " + op + " fault on " + p.getFileName() + ")");
    }

    @Override
    public StoreFile open(Path file, boolean create) throws IOException {
        StoreFile f = real.open(file, create);
        return new StoreFile() {
            @Override
            public void write(ByteBuffer bytes, long position) throws IOException {
                if (trip(Op.WRITE, file)) {
                    ByteBuffer half = bytes.duplicate();
                    half.limit(half.position() + half.remaining() / 2);
                    f.write(half, position);
                    throw noSpace(Op.WRITE, file);
                }
                f.write(bytes, position);
            }

            @Override
            public void force() throws IOException {
                if (trip(Op.FORCE, file)) {
                    throw noSpace(Op.FORCE, file);
                }
                f.force();
            }

            @Override
            public void truncate(long size) throws IOException {
                if (trip(Op.TRUNCATE, file)) {
                    throw noSpace(Op.TRUNCATE, file);
                }
                f.truncate(size);
            }

            @Override
            public long size() throws IOException {
                return f.size();
            }

            @Override
            public void close() throws IOException {
                f.close();
            }
        };
    }

    @Override
    public void replace(Path source, Path target) throws IOException {
        real.replace(source, target);
        if (trip(Op.REPLACE, target)) {
            throw noSpace(Op.REPLACE, target);
        }
    }

    @Override
    public void delete(Path file) throws IOException {
        if (trip(Op.DELETE, file)) {
            throw noSpace(Op.DELETE, file);
        }
        real.delete(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        // the catalog lives in the data directory itself; its sync counts as a catalog operation
        Path probe = dir.getFileName().toString().equals("rows") ? dir : dir.resolve("catalog.dir");
        if (trip(Op.SYNC_DIRECTORY, probe)) {
            throw noSpace(Op.SYNC_DIRECTORY, dir);
        }
        real.syncDirectory(dir);
    }
}

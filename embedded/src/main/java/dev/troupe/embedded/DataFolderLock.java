package dev.troupe.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * One Troupe per data folder: an operating-system lock on {@code troupe.lock} in the folder, with
 * the owner's pid written in it. H2 and Qpid's Derby store each refuse a second opener in their own
 * way, late (after seconds of start-up) and deep in a stack trace; claimed before either opens a
 * file, the folder is refused at once with its owner named. The operating system drops the lock
 * when the owner dies, even by SIGKILL, so a crash leaves nothing stale behind.
 */
public final class DataFolderLock implements AutoCloseable {

    public static final String FILE_NAME = "troupe.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims {@code folder} (made if missing) for this process, or throws {@link DataFolderInUseException}. */
    public static DataFolderLock claim(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            FileChannel channel = FileChannel.open(absolute.resolve(FILE_NAME),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataFolderInUseException(absolute, owner(absolute.resolve(FILE_NAME)));
            }
            writeOwner(channel, ProcessHandle.current().pid());
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data folder " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** Null when held: by another process, or (OverlappingFileLockException) by another context of this JVM. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static void writeOwner(FileChannel channel, long pid) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    /**
     * The pid in the lock file, empty when it cannot be read (written by no Troupe, or the owner has
     * locked it and not yet written): the lock is advisory, so reading it is allowed while held.
     */
    static OptionalLong owner(Path lockFile) {
        try {
            return parsePid(Files.readString(lockFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parsePid(String text) {
        String first = text.strip().split("\\s+", 2)[0];
        try {
            long pid = Long.parseLong(first);
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Releases the folder. The file stays (emptied): deleting it would let a process that opened the
     * old file just before lock the deleted one, while a third locks a new one.
     */
    @Override
    public void close() {
        try (channel) {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}

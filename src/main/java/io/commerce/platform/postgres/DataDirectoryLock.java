package io.commerce.platform.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proof that this process is the one service using an embedded PostgreSQL data folder: an operating-system
 * lock on {@code <data folder>.lock}, next to it, held from before the server starts until after it stopped.
 * The kernel drops the lock when the process ends, however it ends (SIGKILL and out-of-memory kills too),
 * so a postmaster found on the folder while the lock is ours was left by a service that is gone.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final Path dataDirectory;
    private final FileChannel channel;

    private DataDirectoryLock(Path dataDirectory, FileChannel channel) {
        this.dataDirectory = dataDirectory;
        this.channel = channel;
    }

    /** @throws DataDirectoryInUseException at once when a live process holds the lock */
    static DataDirectoryLock acquire(Path dataDirectory) {
        var directory = dataDirectory.toAbsolutePath().normalize();
        var lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (tryLock(channel) == null) {
                channel.close();
                throw new DataDirectoryInUseException(directory, lockFile);
            }
            return new DataDirectoryLock(directory, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + lockFile, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process
        }
    }

    /** The locked data folder, absolute and normalised. */
    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        channel.close(); // releases the lock
    }
}

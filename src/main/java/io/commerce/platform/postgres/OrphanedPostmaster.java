package io.commerce.platform.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on the data folder although the service that started it died (killed
 * with SIGKILL, out of memory): nothing else stops it, and it keeps the folder from a new server. Called only
 * with the folder's {@link DataDirectoryLock} held, so no live service owns that server.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {}

    /**
     * Stops the postmaster named by {@code postmaster.pid} if it is alive and runs on this folder: a smart
     * shutdown (SIGTERM: its clients died with the service, so it checkpoints and exits at once), and
     * SIGKILL to it and its children if it has not ended within {@code timeout} (safe: the server is
     * durable, the next start recovers from its write-ahead log). A file naming a dead process is left to
     * PostgreSQL, which removes it itself.
     */
    static void stopIfRunning(DataDirectoryLock lock, Duration timeout) {
        var directory = lock.dataDirectory();
        postmaster(directory).ifPresent(postmaster -> {
            log.warn(
                    "PostgreSQL (pid {}) still runs on {}, left by a service that ended without stopping it;"
                            + " stopping it",
                    postmaster.pid(),
                    directory);
            var processes = Stream.concat(postmaster.descendants(), Stream.of(postmaster))
                    .toList();
            postmaster.destroy();
            if (!exited(processes, timeout)) {
                log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", postmaster.pid(), timeout);
                processes.forEach(ProcessHandle::destroyForcibly);
                if (!exited(processes, timeout)) {
                    throw new IllegalStateException(
                            "PostgreSQL (pid " + postmaster.pid() + ") on " + directory + " could not be stopped");
                }
            }
            log.info("Stopped the PostgreSQL left running on {}", directory);
        });
    }

    private static Optional<ProcessHandle> postmaster(Path directory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.resolve("postmaster.pid"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> runsOn(process, directory));
    }

    /** A PostgreSQL server with {@code -D directory}: not some other process that got the PID since. */
    private static boolean runsOn(ProcessHandle process, Path directory) {
        var info = process.info();
        var isPostgres = info.command()
                .map(command -> Path.of(command).getFileName().toString().matches("postgres(\\.exe)?"))
                .orElse(false);
        var arguments = List.of(info.arguments().orElse(new String[0]));
        var dataOption = arguments.indexOf("-D");
        return isPostgres
                && dataOption >= 0
                && dataOption + 1 < arguments.size()
                && Path.of(arguments.get(dataOption + 1))
                        .toAbsolutePath()
                        .normalize()
                        .equals(directory);
    }

    private static boolean exited(List<ProcessHandle> processes, Duration timeout) {
        var exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        }
    }
}

package io.commerce.platform.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The PostgreSQL processes running on a data folder: its postmaster (from postmaster.pid) and children. */
final class PostgresProcesses {

    private PostgresProcesses() {}

    static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        var pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** SIGKILL to the postmaster and all its children at once (children first), then waits until all ended. */
    static void killAll(Path dataDirectory) throws Exception {
        var postmaster = postmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        List<ProcessHandle> processes = Stream.concat(postmaster.get().descendants(), postmaster.stream())
                .toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                .get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    }
}

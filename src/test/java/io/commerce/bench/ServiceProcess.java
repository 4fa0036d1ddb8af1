package io.commerce.bench;

import static org.awaitility.Awaitility.await;

import io.commerce.CommerceApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The service as a child JVM on this classpath, for {@link CrashCheck}: started, killed with SIGKILL (alone, or
 * together with its embedded PostgreSQL), started again on the same data. Its output goes to a log file.
 */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final List<String> args;
    private final Path log;
    private final Path embeddedData;
    private Process process;
    private int starts;

    /** {@code embeddedData}: its own PostgreSQL's folder, or null when it uses the harness's. */
    ServiceProcess(String name, int port, Map<String, String> env, List<String> args, Path log, Path embeddedData) {
        this.name = name;
        this.port = port;
        this.env = env;
        this.args = args;
        this.log = log;
        this.embeddedData = embeddedData;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM with {@code extra} arguments; does not wait for it. */
    void start(String... extra) throws IOException {
        var command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                CommerceApplication.class.getName()));
        command.addAll(args);
        command.addAll(List.of(extra));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Files.writeString(
                log,
                "%n===== %s start %d %s%n".formatted(name, ++starts, String.join(" ", extra)),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
    }

    /**
     * Waits until the service answers its health check; false if the JVM exited first (e.g. a start blocked by
     * an orphaned PostgreSQL) or it did not come up within the limit.
     */
    boolean awaitHealthy(Duration limit) {
        try {
            await().atMost(limit)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the service process ended", () -> !process.isAlive())
                    .until(this::healthy);
            return true;
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            return false;
        }
    }

    private boolean healthy() throws InterruptedException {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false; // not up yet
        }
    }

    /**
     * SIGSTOP to the JVM: it does nothing more (no send, no commit) until killed, so that the harness can read
     * what the service had recorded at the moment of the kill.
     */
    void freeze() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-STOP", String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    /** SIGKILL to the JVM alone: its embedded PostgreSQL, a process of its own, is left running. */
    void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGKILL to the JVM and, at the same moment, to its embedded PostgreSQL and all its processes. */
    void killJvmAndPostgres() throws InterruptedException {
        var postgres = postmaster();
        process.destroyForcibly();
        postgres.ifPresent(postmaster -> {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
        });
        process.waitFor();
        postgres.ifPresent(postmaster -> postmaster.onExit().join());
    }

    /** Stops the service gracefully (SIGTERM): it stops its PostgreSQL too. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** The embedded PostgreSQL's server process, from the first line of {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() {
        if (embeddedData == null) {
            return Optional.empty();
        }
        try {
            var pidFile = embeddedData.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(
                    Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The last lines of its log, to tell why a start failed. */
    String logTail(int lines) throws IOException {
        var all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}

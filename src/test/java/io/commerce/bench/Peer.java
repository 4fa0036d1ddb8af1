package io.commerce.bench;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootVersion;

/**
 * The other side of a speed ratio, run in the same benchmark as the service: one of the small Maven projects
 * under {@code bench/} (copied from the shared perf kit: the trivial webhook endpoint on the service's stack,
 * …), built with the Maven wrapper against the service's Spring Boot version and started as a JVM of its own,
 * so that its processor time is read apart from the service's ({@code /proc/<pid>/stat}).
 */
public final class Peer implements AutoCloseable {

    private final Process process;
    private final Path log;

    private Peer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Builds {@code bench/<project>} and starts its {@code mainClass} with {@code env}; when {@code port} is
     * given (above 0), returns once it accepts connections there.
     */
    public static Peer start(String project, String mainClass, Map<String, String> env, int port, String... args)
            throws IOException, InterruptedException {
        var dir = Path.of("bench", project).toAbsolutePath();
        var build = new ProcessBuilder(
                        Path.of("mvnw").toAbsolutePath().toString(),
                        "-B",
                        "-q",
                        "-ntp",
                        "-f",
                        dir.resolve("pom.xml").toString(),
                        "-Dspring-boot.version=" + SpringBootVersion.getVersion(),
                        "package")
                .inheritIO()
                .start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("building " + dir + " failed");
        }
        return launch(
                project,
                List.of(
                        "-cp",
                        dir.resolve("target/classes") + File.pathSeparator + dir.resolve("target/lib/*"),
                        mainClass),
                env,
                port,
                args);
    }

    /** Runs {@code bench/<folder>/<file>} as a single-file source program (no build step). */
    public static Peer source(String folder, String file, int port, String... args) throws IOException {
        return launch(
                folder, List.of(Path.of("bench", folder, file).toAbsolutePath().toString()), Map.of(), port, args);
    }

    private static Peer launch(String name, List<String> program, Map<String, String> env, int port, String... args)
            throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(program);
        command.addAll(List.of(args));
        var log = Files.createTempFile(name, ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().putAll(env);
        var peer = new Peer(builder.start(), log);
        if (port > 0) {
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
                try (var socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                }
            });
        }
        return peer;
    }

    /** Waits for the peer to end by itself and returns what it printed. */
    public String output() throws IOException, InterruptedException {
        process.waitFor();
        return Files.readString(log);
    }

    /** Processor time (user + system) the peer's JVM spent so far. */
    public Duration processorTime() {
        return ProcessorTime.of(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

package io.commerce.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FixedRateLoad} in a JVM of its own, as real clients are: the load generator's threads, garbage and
 * virtual-thread scheduling no longer share the service's JVM (in it they took about a sixth of its processor
 * time, and its virtual threads the same two carrier threads as the requests'). The requests go to the child in a
 * file and the outcome comes back in another, with the child's own processor time.
 */
final class ForkedLoad {

    /** What the requests met, and the processor time the generator's JVM spent sending them. */
    record Run(FixedRateLoad.Outcome outcome, Duration generatorTime) {}

    /**
     * Sends the warm-up requests, then the measured ones, {@code perSecond} a second, from one child JVM (so that
     * its JIT is warm too), running {@code measuring} between them (the load waits for it); answers their outcome.
     */
    Run run(List<FixedRateLoad.Request> warmUp, List<FixedRateLoad.Request> measured, int perSecond, Runnable measuring)
            throws IOException, InterruptedException {
        var in = Files.createTempFile("load-requests", ".bin");
        var out = Files.createTempFile("load-outcome", ".bin");
        try (var data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(in)))) {
            data.writeInt(perSecond);
            write(data, warmUp);
            write(data, measured);
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var load = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dconnections=" + FixedRateLoad.CONNECTIONS,
                        ForkedLoad.class.getName(),
                        in.toString(),
                        out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        load.environment().remove("JDK_JAVA_OPTIONS"); // options meant for the service's JVM are not the generator's
        var child = load.start();
        try (var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                var go = child.getOutputStream()) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.equals(MEASURING)) {
                    measuring.run();
                    go.write('\n');
                    go.flush();
                }
            }
        }
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the load generator's JVM failed: exit " + child.exitValue());
        }
        try (var data = new DataInputStream(new BufferedInputStream(Files.newInputStream(out)))) {
            var n = data.readInt();
            var latency = new long[n];
            var answeredAt = new long[n];
            var status = new int[n];
            for (var i = 0; i < n; i++) {
                latency[i] = data.readLong();
                answeredAt[i] = data.readLong();
                status[i] = data.readInt();
            }
            var seconds = data.readDouble();
            var generator = Duration.ofNanos(data.readLong());
            return new Run(new FixedRateLoad.Outcome(latency, answeredAt, status, seconds), generator);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    private static final String MEASURING = "measuring";

    private static void write(DataOutputStream data, List<FixedRateLoad.Request> requests) throws IOException {
        data.writeInt(requests.size());
        for (var request : requests) {
            data.writeUTF(request.url().toString());
            data.writeInt(request.headers().size());
            for (var header : request.headers()) {
                data.writeUTF(header);
            }
            data.writeBoolean(request.body() != null);
            if (request.body() != null) {
                data.writeUTF(request.body());
            }
        }
    }

    private static List<FixedRateLoad.Request> read(DataInputStream data) throws IOException {
        var requests = new ArrayList<FixedRateLoad.Request>();
        for (var n = data.readInt(); n > 0; n--) {
            var url = URI.create(data.readUTF());
            var headers = new ArrayList<String>();
            for (var h = data.readInt(); h > 0; h--) {
                headers.add(data.readUTF());
            }
            requests.add(new FixedRateLoad.Request(url, headers, data.readBoolean() ? data.readUTF() : null));
        }
        return requests;
    }

    /** The child: reads the requests, sends them, writes the measured ones' outcome and its processor time. */
    public static void main(String[] args) throws Exception {
        int perSecond;
        List<FixedRateLoad.Request> warmUp;
        List<FixedRateLoad.Request> measured;
        try (var data = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            perSecond = data.readInt();
            warmUp = read(data);
            measured = read(data);
        }
        FixedRateLoad.Outcome outcome;
        Duration spent;
        try (var load = new FixedRateLoad()) { // the warm-up's connections carry the measured requests
            load.run(warmUp, perSecond);
            var before = ProcessorTime.of(ProcessHandle.current().pid());
            System.out.println(MEASURING);
            System.out.flush();
            System.in.read(); // the parent's snapshot (processor time, statistics) is not the service's work
            outcome = load.run(measured, perSecond);
            spent = ProcessorTime.of(ProcessHandle.current().pid()).minus(before);
        }
        try (var data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[1]))))) {
            data.writeInt(outcome.latencyMicros().length);
            for (var i = 0; i < outcome.latencyMicros().length; i++) {
                data.writeLong(outcome.latencyMicros()[i]);
                data.writeLong(outcome.answeredAtMillis()[i]);
                data.writeInt(outcome.status()[i]);
            }
            data.writeDouble(outcome.seconds());
            data.writeLong(spent.toNanos());
        }
        System.exit(0);
    }
}

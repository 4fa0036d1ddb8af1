package io.commerce.messaging;

import io.commerce.BenchmarkApp;
import io.commerce.bench.Peer;
import io.commerce.bench.ProcessorTime;
import io.commerce.bench.Statements;
import io.commerce.messaging.channel.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many signed status webhooks (Meta's shape, one status per POST, each for a different message) the
 * endpoint absorbs per second, with latency percentiles. The load comes from {@code wrk} (Debian package
 * {@code wrk}) in its own process on the same 2-core machine, replaying pre-signed requests. Run with
 * {@code ./mvnw -Pbench verify -Dbench=WebhookBenchmark}; prints wrk's figures and how many messages moved.
 */
public final class WebhookBenchmark {

    private static final String WRK_SCRIPT = """
            local counter = 1
            function setup(thread)
              thread:set("id", counter)
              counter = counter + 1
            end
            function init(args)
              nthreads = tonumber(args[2])
              requests = {}
              for line in io.lines(args[1]) do
                local tab = line:find("\\t")
                requests[#requests + 1] = wrk.format("POST", nil, {
                  ["Content-Type"] = "application/json",
                  ["X-Hub-Signature-256"] = line:sub(1, tab - 1)}, line:sub(tab + 1))
              end
              n = 0
            end
            function request()
              local r = requests[(n * nthreads + id - 1) % #requests + 1]
              n = n + 1
              return r
            end
            """;

    public static void main(String[] args) throws Exception {
        var requests = Integer.getInteger("requests", 120_000);
        var seconds = Integer.getInteger("seconds", 30);
        var connections = Integer.getInteger("connections", 0) > 0 ? Integer.getInteger("connections") : 64;
        try (var app = BenchmarkApp.startWithStatements(
                "--commerce.messaging.dispatcher.enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 10))) {
            var jdbc = app.getBean(JdbcClient.class);
            var url = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort() + "/webhooks/whatsapp";
            var warmSeconds = Integer.getInteger("warmSeconds", 30);
            var warm = 6_000 * warmSeconds; // more than it absorbs: each request is a status not seen before
            BenchmarkApp.seed(jdbc, "SENT", "wamid.WARM", warm);
            BenchmarkApp.seed(jdbc, "SENT", "wamid.BENCH", requests);
            var work = Files.createTempDirectory("webhook-bench");
            var script = Files.writeString(work.resolve("statuses.lua"), WRK_SCRIPT);

            // warm-up at the same load: the JIT compiler must be done with what the load runs
            wrk(script, requestsFile(work, "warm", "wamid.WARM", warm), url, warmSeconds, connections);
            Statements.reset(jdbc);
            var before = ProcessorTime.now();
            var output = wrk(script, requestsFile(work, "bench", "wamid.BENCH", requests), url, seconds, connections);
            var spent = ProcessorTime.now().since(before);

            var delivered = jdbc.sql("select count(*) from message where status = 'DELIVERED'"
                            + " and provider_message_id like 'wamid.BENCH%'")
                    .query(Long.class)
                    .single();
            System.out.println("\nWebhooks (wrk, " + connections + " connections, " + seconds + " s):");
            print(output);
            var answered = answered(output);
            System.out.println("  messages moved to delivered: " + delivered);
            System.out.println("  " + spent.per(answered, "request") + " (wrk apart)");
            System.out.println("  " + spent.jvmPer(answered, "request"));
            Statements.printTop(jdbc, 10);
            ceiling(script, work, seconds, connections, rate(output));
        }
    }

    /**
     * The same requests, signed alike, against the trivial endpoint on the service's stack ({@code
     * bench/trivial-webhook}: Spring MVC on Tomcat with virtual threads, the signature checked, nothing else),
     * started now as a JVM of its own while the service idles: its rate, latency and processor time per request,
     * and the service's rate as a share of it.
     */
    private static void ceiling(Path script, Path work, int seconds, int connections, double rate) throws Exception {
        var port = 18_000 + (int) (ProcessHandle.current().pid() % 1_000);
        try (var trivial = Peer.start(
                "trivial-webhook",
                "perf.TrivialWebhook",
                Map.of("SERVER_PORT", String.valueOf(port), "WHATSAPP_APP_SECRET", "bench-secret"),
                port)) {
            var url = "http://127.0.0.1:" + port + "/webhooks/whatsapp";
            var file = work.resolve("bench.txt");
            wrk(script, file, url, 15, connections); // its warm-up
            var before = trivial.processorTime();
            var output = wrk(script, file, url, seconds, connections);
            var spent = trivial.processorTime().minus(before);
            System.out.println("\nThe trivial endpoint (bench/trivial-webhook), same requests, same wrk:");
            print(output);
            System.out.printf(
                    "  processor time: JVM %.1f s: %d µs per request%n",
                    spent.toMillis() / 1000.0, spent.toNanos() / 1000 / Math.max(1, answered(output)));
            System.out.printf(
                    "%nThe service's rate is %.0f %% of the trivial endpoint's (goal: at least 50 %%)%n%n",
                    100 * rate / rate(output));
        }
    }

    private static long answered(String wrkOutput) {
        return wrkOutput
                .lines()
                .filter(line -> line.contains("requests in"))
                .mapToLong(line -> Long.parseLong(line.strip().split(" ")[0]))
                .findFirst()
                .orElse(0);
    }

    private static double rate(String wrkOutput) {
        return wrkOutput
                .lines()
                .filter(line -> line.contains("Requests/sec"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9.]", "")))
                .findFirst()
                .orElse(0);
    }

    private static void print(String wrkOutput) {
        wrkOutput
                .lines()
                .filter(line -> line.matches("\\s*(50|75|90|99)%.*")
                        || line.contains("Requests/sec")
                        || line.contains("requests in")
                        || line.contains("Non-2xx")
                        || line.contains("Socket errors"))
                .forEach(line -> System.out.println("  " + line.strip()));
    }

    /** One pre-signed request per line: the X-Hub-Signature-256 header, a tab, the body. */
    private static Path requestsFile(Path work, String name, String prefix, int count) throws IOException {
        var lines = new ArrayList<String>(count);
        for (int i = 1; i <= count; i++) {
            var body = status(prefix + i);
            lines.add(Signatures.hubSignature("bench-secret", body.getBytes(StandardCharsets.UTF_8)) + "\t" + body);
        }
        return Files.write(work.resolve(name + ".txt"), lines);
    }

    private static String wrk(Path script, Path requests, String url, int seconds, int connections)
            throws IOException, InterruptedException {
        var threads = "2";
        var process = new ProcessBuilder(List.of(
                        "wrk",
                        "-t" + threads,
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        url,
                        "--",
                        requests.toString(),
                        threads))
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is the Debian package wrk installed?):\n" + output);
        }
        return output;
    }

    private static String status(String wamid) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                        + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                        + "\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":\"%s\",\"status\":\"delivered\","
                        + "\"timestamp\":\"1750263773\",\"recipient_id\":\"16505551234\",\"pricing\":{\"billable\":true,"
                        + "\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\"utility\"}}]},\"field\":\"messages\"}]}]}")
                .formatted(wamid);
    }
}

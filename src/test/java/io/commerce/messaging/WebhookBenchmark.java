package io.commerce.messaging;

import io.commerce.BenchmarkApp;
import io.commerce.messaging.channel.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        var connections = Integer.getInteger("connections", 64);
        try (var app = BenchmarkApp.start(
                "--commerce.messaging.dispatcher.enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 10))) {
            var jdbc = app.getBean(JdbcClient.class);
            var url = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort() + "/webhooks/whatsapp";
            BenchmarkApp.seed(jdbc, "SENT", "wamid.WARM", 20_000);
            BenchmarkApp.seed(jdbc, "SENT", "wamid.BENCH", requests);
            var work = Files.createTempDirectory("webhook-bench");
            var script = Files.writeString(work.resolve("statuses.lua"), WRK_SCRIPT);

            wrk(script, requestsFile(work, "warm", "wamid.WARM", 20_000), url, 10, connections); // warm-up
            var output = wrk(script, requestsFile(work, "bench", "wamid.BENCH", requests), url, seconds, connections);

            var delivered = jdbc.sql("select count(*) from message where status = 'DELIVERED'"
                            + " and provider_message_id like 'wamid.BENCH%'")
                    .query(Long.class)
                    .single();
            System.out.println("\nWebhooks (wrk, " + connections + " connections, " + seconds + " s):");
            output.lines()
                    .filter(line -> line.matches("\\s*(50|75|90|99)%.*")
                            || line.contains("Requests/sec")
                            || line.contains("requests in")
                            || line.contains("Non-2xx")
                            || line.contains("Socket errors"))
                    .forEach(line -> System.out.println("  " + line.strip()));
            System.out.println("  messages moved to delivered: " + delivered + "\n");
        }
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

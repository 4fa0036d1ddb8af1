package io.commerce.bench;

import static org.awaitility.Awaitility.await;

import io.commerce.BenchmarkApp;
import io.commerce.messaging.channel.Signatures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Signed inbound WhatsApp text messages (Meta's shape), each from a different contact, at a fixed rate (default
 * 1,000 a second for 30 s, after 60 s of warm-up at that rate, {@code -Dbench.warm-seconds} and {@code
 * -Dbench.warm-rate}: a service that just started is still compiling what the load runs, and its JIT compiler
 * then takes a sixth of the processor): a sixth ask where their order is, a sixth ask the
 * shipping-cost FAQ, a sixth greet (the menu), a third ask for a person and a sixth come from numbers no customer
 * has (the agents' queue). Prints the webhook's latency, and per message the delay between the webhook's 200 and
 * the bot's answer's row in the outbox ({@code message}, origin {@code conversation/bot}); how many conversations
 * were answered, queued, and lost (an inbound without its conversation line). The dispatcher is off: the answers
 * stay queued, as in {@code WebhookBenchmark}; so are read receipts (each would be a call to Meta). Run with {@code ./mvnw -Pbench verify -Dbench=ConversationBenchmark}.
 */
public final class ConversationBenchmark {

    private static final String[][] TEXTS = {
        {"where is my order?", "¿dónde está mi pedido?", "waar is mijn bestelling?"},
        {"how much is shipping", "¿cuánto cuesta el envío?", "wat kost verzending?"},
        {"hello", "hola", "hallo"},
        {"I want to talk to a person", "quiero hablar con una persona", "ik wil iemand spreken"},
        {"can I talk to someone please", "hablar con un asesor por favor", "met iemand praten alstublieft"},
        {"hello, is this the shop?", "hola, ¿es la tienda?", "hallo, is dit de winkel?"}
    };

    public static void main(String[] args) throws Exception {
        var rate = Integer.getInteger("rate", 1_000);
        var seconds = Integer.getInteger("seconds", 30);
        var warmRate = Integer.getInteger("warmRate", 0) > 0 ? Integer.getInteger("warmRate") : rate;
        var warm = warmRate * Integer.getInteger("warmSeconds", 60);
        var measured = rate * seconds;
        try (var app = BenchmarkApp.startWithStatements(
                "--commerce.messaging.dispatcher.enabled=false",
                "--commerce.messaging.whatsapp.mark-inbound-read=false",
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 10))) {
            // the benchmark's own connections, kept open (a connection per poll forks a backend each time, and
            // that processor time counted as PostgreSQL's): its polling must not take one of the service's
            var url = app.getBean(JdbcConnectionDetails.class).getJdbcUrl();
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
            var sampling = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
            var base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            var seed = new ServiceDeskSeed(jdbc, base);
            seed.customers(warm + measured);
            seed.agents(50, 100);
            seed.faqs(100);
            seed.alwaysOpen();
            var webhook = URI.create(base + "/webhooks/whatsapp");

            FixedRateLoad.Outcome outcome;
            long drained;
            ProcessorTime before;
            try (var load = new FixedRateLoad()) {
                load.run(requests(webhook, 1, warm), warmRate); // the JIT compiles what this load runs
                awaitLines(jdbc, warm);
                Statements.reset(jdbc);
                before = ProcessorTime.now();
                try (var waits = new Waits(sampling)) {
                    outcome = load.run(requests(webhook, warm + 1, measured), rate);
                    drained = awaitLines(jdbc, warm + measured);
                }
            }
            var spent = ProcessorTime.now().since(before); // the JVM's includes the load generator's
            new ConversationReport(jdbc, warm + 1, measured, outcome, drained).print(rate, seconds);
            System.out.println("  " + spent.per(measured, "message") + " (the JVM's with the load generator's)");
            System.out.println("  " + spent.jvmPer(measured, "message"));
        }
    }

    static List<FixedRateLoad.Request> requests(URI url, int first, int count) {
        var now = System.currentTimeMillis() / 1000;
        return IntStream.range(first, first + count)
                .mapToObj(g -> {
                    var body = message(g, now);
                    return new FixedRateLoad.Request(
                            url,
                            List.of(
                                    "Content-Type",
                                    "application/json",
                                    "X-Hub-Signature-256",
                                    Signatures.hubSignature("bench-secret", body.getBytes(StandardCharsets.UTF_8))),
                            body);
                })
                .toList();
    }

    /** Meta's webhook for one text message from the g-th contact. */
    private static String message(int g, long timestamp) {
        var from = ServiceDeskSeed.phone(g).substring(1);
        var text = TEXTS[g % 6][(g / 6) % 3];
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                        + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                        + "\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":"
                        + "{\"name\":\"Bench %1$d\"},\"wa_id\":\"%2$s\"}],\"messages\":[{\"from\":\"%2$s\",\"id\":"
                        + "\"wamid.CONV%1$d\",\"timestamp\":\"%3$d\",\"type\":\"text\",\"text\":{\"body\":\"%4$s\"}}]},"
                        + "\"field\":\"messages\"}]}]}")
                .formatted(g, from, timestamp, text);
    }

    /**
     * Waits until the router stored the customer's line of {@code total} inbound messages, made no progress
     * for 30 s, or 3 minutes passed; returns the epoch millisecond it finished.
     */
    private static long awaitLines(JdbcClient jdbc, int total) {
        var last = new long[] {-1, System.currentTimeMillis()};
        var deadline = System.currentTimeMillis() + 180_000;
        await().pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofMinutes(4))
                .until(() -> {
                    var lines = jdbc.sql("select count(*) from conversation_message where author = 'CUSTOMER'")
                            .query(Long.class)
                            .single();
                    if (lines != last[0]) {
                        last[0] = lines;
                        last[1] = System.currentTimeMillis();
                    }
                    var now = System.currentTimeMillis();
                    return lines >= total || now - last[1] > 30_000 || now > deadline;
                });
        return System.currentTimeMillis();
    }
}

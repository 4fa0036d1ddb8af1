package io.commerce.bench;

import static org.awaitility.Awaitility.await;

import io.commerce.BenchmarkApp;
import io.commerce.campaign.CampaignRequest;
import io.commerce.campaign.CampaignService;
import io.commerce.campaign.CampaignStatus;
import io.commerce.campaign.Segment;
import io.commerce.shared.Channel;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk dispatch through a campaign, the service at its defaults with pacing lifted: customers with WhatsApp
 * marketing consent are seeded set-based (in a time zone where it is midday, so quiet hours do not hold them),
 * a campaign to them is created through {@link CampaignService}, launched by the application's own launcher,
 * snapshotted into the outbox and sent by the application's own dispatcher (every re-check on: consent,
 * window, quiet hours, frequency cap, minimum gap, pair gap) to a fast fake Cloud API in a process of its own
 * ({@code bench/fake-graph}). Measured from the launch to the last message sent, with the processor time the
 * JVM and PostgreSQL spent meanwhile; a first campaign to 60,000 other customers warms up (the peer warms up with as many). Then, in the same run,
 * against the same fake and PostgreSQL (a database of its own), the db-scheduler peer doing the same sends
 * ({@code bench/peer-dispatch}); prints both and the ratio. Run with {@code ./mvnw -Pbench verify
 * -Dbench=DispatchBenchmark} ({@code -Dbench.messages=30000}).
 */
public final class DispatchBenchmark {

    public static void main(String[] args) throws Exception {
        var messages = Integer.getInteger("messages", 30_000);
        var warm = Integer.getInteger(
                "warmMessages", 60_000); // both sides: the JIT compiler (nearly) done before measuring
        var graphPort = 19_000 + (int) (ProcessHandle.current().pid() % 1_000);
        var settings = new ArrayList<>(List.of(
                "--commerce.messaging.whatsapp.api-base-url=http://127.0.0.1:" + graphPort,
                "--commerce.messaging.dispatcher.pacing=false",
                "--commerce.journey.runner-enabled=false"));
        if (Integer.getInteger("pool", 0) > 0) {
            settings.add("--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool"));
        }
        try (var graph = Peer.source("fake-graph", "FakeGraph.java", graphPort, "graph", String.valueOf(graphPort));
                var app = BenchmarkApp.startWithStatements(settings.toArray(String[]::new))) {
            var jdbc = app.getBean(JdbcClient.class);
            var campaigns = app.getBean(CampaignService.class);
            seed(jdbc, "warm", warm);
            seed(jdbc, "run", messages);
            send(campaigns, jdbc, "warm"); // warm-up: JIT, connection pool, HTTP connections

            Statements.reset(jdbc);
            var before = ProcessorTime.now();
            var seconds = send(campaigns, jdbc, "run");
            var spent = ProcessorTime.now().since(before);
            var rate = messages / seconds;
            System.out.printf(
                    Locale.ROOT,
                    "%nDispatch through a campaign: %d customers -> %d messages sent in %.2f s from the launch = %.0f"
                            + " messages/s (%d cores)%n  %s%n  %s%n",
                    messages,
                    jdbc.sql("select count(*) from message where recipient like '+347%' and status = 'SENT'")
                            .query(Long.class)
                            .single(),
                    seconds,
                    rate,
                    Runtime.getRuntime().availableProcessors(),
                    spent.per(messages, "message"),
                    spent.jvmPer(messages, "message"));
            Statements.printTop(jdbc, 15);
            peer(app.getBean(JdbcConnectionDetails.class).getJdbcUrl(), jdbc, graphPort, messages, warm, rate);
        }
    }

    /** A campaign to the customers tagged {@code tag}, created now; returns the seconds from launch to all sent. */
    private static double send(CampaignService campaigns, JdbcClient jdbc, String tag) {
        var campaign = campaigns.create(new CampaignRequest(
                "Benchmark " + tag,
                "promotion",
                Map.of("promotion", "20% off everything", "url", "https://shop.example/sale"),
                Channel.WHATSAPP,
                new Segment(List.of(tag), null, null, null, null),
                null));
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> campaigns.get(campaign.id()).status() == CampaignStatus.LAUNCHED);
        var launched = System.nanoTime();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                // through the dispatcher's own partial indexes: counting the campaign's messages at each poll
                // (43 ms each) cost PostgreSQL a fifth of the run's time
                .until(() -> !jdbc.sql("""
                                select exists (select 1 from message where status = 'QUEUED')
                                    or exists (select 1 from message where status = 'SENDING')
                                """).query(Boolean.class).single());
        var seconds = (System.nanoTime() - launched) / 1e9;
        var view = campaigns.get(campaign.id()).messages();
        if (view.sent() == 0 || view.failed() > 0) {
            throw new IllegalStateException("not every message was sent: " + view);
        }
        return seconds;
    }

    /**
     * Customers tagged {@code tag} with WhatsApp marketing consent, in a time zone where it is about midday now
     * (quiet hours hold marketing sent at night, and stay on).
     */
    private static void seed(JdbcClient jdbc, String tag, int count) {
        var hours = Math.floorMod(12 - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        var zone = hours == 0 ? "Etc/UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours); // Etc/ inverts
        jdbc.sql("""
                        insert into customer (id, phone, first_name, language, timezone, tags, created_at, updated_at)
                        select :tag || '-' || g, :prefix || lpad(g::text, 8, '0'), 'Ana', 'es', :zone, array[:tag],
                               now(), now()
                          from generate_series(1, :count) g
                        """)
                .param("tag", tag)
                .param("prefix", tag.equals("run") ? "+347" : "+348")
                .param("zone", zone)
                .param("count", count)
                .update();
        jdbc.sql("""
                        insert into consent (customer_id, channel, purpose, status, changed_at, source)
                        select :tag || '-' || g, 'WHATSAPP', 'MARKETING', 'GRANTED', now(), 'bench'
                          from generate_series(1, :count) g
                        """).param("tag", tag).param("count", count).update();
        jdbc.sql("vacuum analyze customer").update();
    }

    /** The db-scheduler peer's same sends, its rate and processor time, and the service's rate as a multiple. */
    private static void peer(String jdbcUrl, JdbcClient jdbc, int graphPort, int messages, int warm, double rate)
            throws Exception {
        jdbc.sql("create database peer").update();
        try (var peer = Peer.start(
                "peer-dispatch",
                "perf.PeerDispatch",
                Map.of(),
                0,
                "--jdbc-url=" + jdbcUrl.replaceFirst("/postgres(\\?|$)", "/peer$1"),
                "--graph-url=http://127.0.0.1:" + graphPort,
                "--messages=" + messages,
                "--warmup=" + warm,
                "--threads=200",
                "--executor=virtual",
                "--pool=10",
                "--lower=1.0",
                "--upper=4.0",
                "--poll-ms=200",
                "--cpu-roots=postgres=" + ProcessorTime.postmasterPid(jdbc))) {
            var output = peer.output();
            System.out.println("\nThe db-scheduler peer (bench/peer-dispatch), same fake Cloud API, same PostgreSQL:");
            output.lines()
                    .filter(line -> line.startsWith("db-scheduler measured"))
                    .forEach(line -> System.out.println("  " + line));
            var peerRate = output.lines()
                    .filter(line -> line.startsWith("RESULT"))
                    .map(line -> line.replaceAll(".*\"rate\":([0-9.]+).*", "$1"))
                    .mapToDouble(Double::parseDouble)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the peer printed no result:\n" + output));
            System.out.printf(
                    Locale.ROOT,
                    "%nThe service sends %.2f times the peer's messages a second (goal: at least 2)%n%n",
                    rate / peerRate);
        }
    }
}

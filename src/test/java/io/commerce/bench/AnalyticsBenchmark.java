package io.commerce.bench;

import io.commerce.BenchmarkApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13's speed goals, measured: the tracked-link redirect at 5,000 requests a second (p99 under 50 ms), the
 * performance report over the figures of 10,000,000 messages, 1,000,000 clicks and 1,000,000 orders (under a
 * second), and what attributing an order adds to its event's processing (under 5 ms).
 *
 * <ul>
 *   <li>Redirect: {@code -Dlinks=200000} tracked links of as many messages, then 5,000 ({@code ANALYTICS_BENCH_RATE}) GETs a second
 *       for {@code -Dredirect.seconds=20} from a phone's user agent, open loop ({@link FixedRateLoad}) from a JVM of its own
 *       ({@link ForkedLoad}), as phones are; every request is
 *       recorded as a click and counted in the funnel, as in production.
 *   <li>Report: hourly roll-ups as the roller leaves them for two years of a shop sending 10,000,000 messages (30
 *       campaigns, 8 journeys of 3 steps, 12 templates, 2 channels), with 1,000,000 clicks and 1,000,000 orders
 *       spread over them; each grouping over one and two years, {@code -Drounds=30} times.
 *   <li>Attribution: {@code -Dorders=2000} orders placed through the API by customers with a click and a delivery
 *       in their windows, the service's own {@code analytics.attribution} timer read afterwards.
 * </ul>
 *
 * Run with {@code ./mvnw -Pbench verify -Dbench=AnalyticsBenchmark}; {@code ANALYTICS_BENCH=redirect} (or {@code
 * report}, {@code attribution}, comma-separated) runs those parts only.
 */
public final class AnalyticsBenchmark {

    public static void main(String[] args) throws Exception {
        var links = Integer.getInteger("links", 200_000);
        var rate = Integer.parseInt(System.getenv().getOrDefault("ANALYTICS_BENCH_RATE", "5000"));
        var seconds = Integer.getInteger("redirect.seconds", 20);
        var rounds = Integer.getInteger("rounds", 30);
        var orders = Integer.getInteger("orders", 2_000);
        try (var app = BenchmarkApp.start("--commerce.messaging.dispatcher.enabled=false")) {
            var jdbc = app.getBean(JdbcClient.class);
            var base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();

            // ANALYTICS_BENCH=redirect (or report, attribution) runs that part alone
            var parts = System.getenv().getOrDefault("ANALYTICS_BENCH", "report,redirect,attribution");
            if (parts.contains("report")) {
                seedRollUps(jdbc);
                report(base, rounds);
            }
            if (parts.contains("redirect")) {
                seedLinks(jdbc, links);
                redirect(app.getBean(MeterRegistry.class), jdbc, base, links, rate, seconds);
            }
            if (parts.contains("attribution")) {
                attribution(app.getBean(MeterRegistry.class), jdbc, base, orders);
            }
        }
    }

    private static void seedLinks(JdbcClient jdbc, int links) {
        var started = System.nanoTime();
        jdbc.sql("""
                        insert into message (id, customer_id, channel, purpose, category, status, recipient, template_key,
                                             content, origin, origin_ref, attempts, next_attempt_at, created_at, updated_at)
                        select gen_random_uuid(), 'bench-' || (g % 50000), 'WHATSAPP', 'MARKETING', 'MARKETING', 'READ',
                               '+3461' || lpad((g % 50000)::text, 7, '0'), 'promotion',
                               '{"kind": "text", "body": "https://shop.example/sale", "previewUrl": false}',
                               'campaign', 'c-' || (g % 30), 1, now(), now(), now()
                          from generate_series(1, :links) g
                        """).param("links", links).update();
        jdbc.sql("""
                        insert into tracked_link (token, message_id, url, created_at)
                        select 'bench' || lpad(row_number() over ()::text, 11, '0'), id,
                               'https://shop.example/sale?ref=' || origin_ref, now()
                          from message where customer_id like 'bench-%'
                        """).update();
        jdbc.sql("vacuum analyze").update();
        System.out.printf("%nSeeded %,d messages with a tracked link each in %.1f s%n", links, secs(started));
    }

    private static void redirect(MeterRegistry meters, JdbcClient jdbc, String base, int links, int rate, int seconds)
            throws Exception {
        var agent = List.of(
                "User-Agent",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/18.1 Mobile/15E148 Safari/604.1");
        var warmUp = new ArrayList<FixedRateLoad.Request>();
        // a service that has been running a while: the JIT has compiled the redirect path (-Dredirect.warm-up, s)
        for (var i = 0; i < rate * Integer.getInteger("redirect.warm-up", 10); i++) {
            warmUp.add(new FixedRateLoad.Request(
                    URI.create(base + "/r/bench" + "%011d".formatted(1 + (i * 7919L) % links)), agent, null));
        }
        var requests = new ArrayList<FixedRateLoad.Request>();
        for (var i = 0; i < rate * seconds; i++) {
            requests.add(new FixedRateLoad.Request(
                    URI.create(base + "/r/bench" + "%011d".formatted(1 + (i * 104729L) % links)), agent, null));
        }
        var before = new ProcessorTime[1];
        // from a JVM of its own, as phones are: the warm-up, then the measured run
        var run = new ForkedLoad().run(warmUp, requests, rate, () -> {
            Statements.reset(jdbc);
            before[0] = ProcessorTime.now();
        });
        var spent = ProcessorTime.now().since(before[0]);
        var outcome = run.outcome();
        var latency = outcome.latencyMicros().clone();
        Arrays.sort(latency);
        System.out.printf(
                "%nRedirect /r/{token}: %,d requests at %,d/s offered, %,.0f/s answered over %.1f s; 302: %,d, other: %,d%n"
                        + "  latency p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n",
                latency.length,
                rate,
                latency.length / outcome.seconds(),
                outcome.seconds(),
                outcome.count(302),
                latency.length - outcome.count(302),
                latency[latency.length / 2] / 1000.0,
                latency[(int) (latency.length * 0.99)] / 1000.0,
                latency[(int) (latency.length * 0.999)] / 1000.0,
                latency[latency.length - 1] / 1000.0);
        System.out.println("  slowest tenths of a second: " + slowestWindows(outcome, rate / 10, 3));
        var batches = meters.get("analytics.clicks.batch").timer();
        System.out.printf(
                "  click batches: %,d, %.1f clicks each on average, %.1f ms each on average (max %.1f ms)%n",
                batches.count(),
                meters.get("analytics.clicks.batch.size").summary().mean(),
                batches.mean(TimeUnit.MILLISECONDS),
                batches.max(TimeUnit.MILLISECONDS));
        System.out.printf(
                "  clicks recorded: %,d (of them first by a person: %,d)%n",
                jdbc.sql("select count(*) from link_click").query(Long.class).single(),
                jdbc.sql("select count(*) from link_click where first")
                        .query(Long.class)
                        .single());
        System.out.printf(
                "  %s; the load generator's JVM: %d µs per request%n",
                spent.per(latency.length, "request"), run.generatorTime().toNanos() / 1000 / latency.length);
        System.out.println("  " + spent.jvmPer(latency.length, "request"));
        Statements.printTop(jdbc, 8);
    }

    /**
     * "13:14:27.0 72.1 ms, …": the {@code count} windows of {@code size} consecutive requests whose slowest answer
     * was slowest, by the wall-clock time their first answer came, to set beside GC and database logs.
     */
    private static String slowestWindows(FixedRateLoad.Outcome outcome, int size, int count) {
        var latency = outcome.latencyMicros();
        var windows = new ArrayList<long[]>(); // {max latency, answered at}
        for (var start = 0; start < latency.length; start += size) {
            var max = 0L;
            for (var i = start; i < Math.min(latency.length, start + size); i++) {
                max = Math.max(max, latency[i]);
            }
            windows.add(new long[] {max, outcome.answeredAtMillis()[start]});
        }
        windows.sort((a, b) -> Long.compare(b[0], a[0]));
        var clock = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneOffset.UTC);
        return String.join(
                ", ",
                windows.subList(0, Math.min(count, windows.size())).stream()
                        .map(w -> "%s %.1f ms".formatted(clock.format(Instant.ofEpochMilli(w[1])), w[0] / 1000.0))
                        .toList());
    }

    /**
     * Two years of hourly roll-ups of 10,000,000 messages: each hour, each of 30 campaigns (one a day live), 8
     * journeys × 3 steps and 2 channels has its row, with sends spread so they add up to 10,000,000, clicks to
     * 1,000,000 and orders to 1,000,000.
     */
    private static void seedRollUps(JdbcClient jdbc) {
        var started = System.nanoTime();
        jdbc.sql("""
                        insert into performance_hour (hour, source, campaign_id, journey, step, template_key, channel,
                                                      variant, sent, delivered, read, clicked, unique_clickers, replied,
                                                      opted_out, orders, revenue, cost)
                        select h, d.source, d.campaign, d.journey, d.step, d.template, d.channel, '',
                               1, 1, 1, 0, 0, 0, 0, 0, 0, 0
                          from generate_series(date_trunc('hour', now()) - interval '730 days', date_trunc('hour', now()),
                                               interval '1 hour') h
                         cross join (
                               select 'journey' as source, '' as campaign, 'journey_' || j as journey, s::text as step,
                                      'template_' || ((j * 3 + s) % 12) as template, c as channel
                                 from generate_series(1, 8) j, generate_series(1, 3) s,
                                      unnest(array['WHATSAPP', 'SMS']) c
                               union all
                               select 'campaign', 'c-' || k, '', '', 'template_' || (k % 12), 'WHATSAPP'
                                 from generate_series(1, 30) k) d
                         where d.source = 'journey' or extract(day from h)::int % 30 = (substring(d.campaign, 3)::int % 30)
                        """).update();
        var rows = jdbc.sql("select count(*) from performance_hour")
                .query(Long.class)
                .single();
        // spread the totals over the rows: 10,000,000 sent, 1,000,000 clicks and orders
        jdbc.sql("""
                        update performance_hour set sent = :sent + (case when random() < :extra then 1 else 0 end),
                               delivered = :sent, read = :sent / 2,
                               clicked = case when random() < :clickP then 1 else 0 end + :clicks,
                               unique_clickers = :clicks, orders = case when random() < :clickP then 1 else 0 end + :clicks,
                               revenue = :clicks * 59.90,
                               cost = :sent * 0.05
                        """)
                .param("sent", 10_000_000L / rows)
                .param("extra", (10_000_000.0 / rows) % 1)
                .param("clicks", 1_000_000L / rows)
                .param("clickP", (1_000_000.0 / rows) % 1)
                .update();
        // the daily roll-ups the roller keeps beside the hourly ones
        jdbc.sql("""
                        insert into performance_day
                        select date_trunc('day', hour, 'UTC'), source, campaign_id, journey, step, template_key, channel,
                               variant, sum(sent), sum(delivered), sum(read), sum(clicked), sum(unique_clickers),
                               sum(replied), sum(opted_out), sum(orders), sum(revenue), sum(cost)
                          from performance_hour group by 1, 2, 3, 4, 5, 6, 7, 8
                        """).update();
        jdbc.sql("vacuum analyze performance_hour").update();
        jdbc.sql("vacuum analyze performance_day").update();
        var totals = jdbc.sql("select sum(sent), sum(clicked), sum(orders) from performance_hour")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        System.out.printf(
                "%nSeeded %,d hourly roll-up rows (two years) for %,d messages, %,d clicks, %,d orders in %.1f s%n",
                rows, totals[0], totals[1], totals[2], secs(started));
    }

    private static void report(String base, int rounds) throws Exception {
        var http = HttpClient.newHttpClient();
        var now = Instant.now();
        for (var period : List.of(Duration.ofDays(365), Duration.ofDays(730))) {
            for (var groupBy : List.of("campaign", "journey", "step", "template", "channel")) {
                var url = URI.create(base + "/api/v1/analytics/performance?groupBy=" + groupBy + "&from="
                        + now.minus(period) + "&to=" + now);
                var times = new long[rounds];
                var size = 0;
                var sent = 0L;
                for (var i = 0; i < rounds; i++) {
                    var started = System.nanoTime();
                    var response = http.send(
                            HttpRequest.newBuilder(url)
                                    .header("X-Api-Key", "bench")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    times[i] = System.nanoTime() - started;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    size = response.body().length();
                    sent = sentIn(response.body());
                }
                Arrays.sort(times);
                System.out.printf(
                        "  performance, %3d days by %-8s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d kB, %,d sent)%n",
                        period.toDays(),
                        groupBy,
                        times[rounds / 2] / 1e6,
                        times[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.99) - 1)] / 1e6,
                        times[rounds - 1] / 1e6,
                        size / 1024,
                        sent);
            }
        }
    }

    /** Orders from customers with a click and a delivery in their windows, placed through the API. */
    private static void attribution(MeterRegistry meters, JdbcClient jdbc, String base, int orders) throws Exception {
        jdbc.sql("""
                        insert into customer (id, phone, first_name, language, timezone, tags, attributes, created_at,
                                              updated_at)
                        select 'buyer-' || g, '+3462' || lpad(g::text, 7, '0'), 'Ana', 'es', 'Europe/Madrid', '{}', '{}',
                               now(), now()
                          from generate_series(1, :n) g
                        """).param("n", orders).update();
        jdbc.sql("""
                        with sent as (
                            insert into message (id, customer_id, channel, purpose, category, status, recipient,
                                                 template_key, content, origin, origin_ref, attempts, next_attempt_at,
                                                 created_at, updated_at)
                            select gen_random_uuid(), 'buyer-' || g, 'WHATSAPP', 'MARKETING', 'MARKETING', 'READ',
                                   '+3462' || lpad(g::text, 7, '0'), 'promotion',
                                   '{"kind": "text", "body": "hola", "previewUrl": false}', 'campaign', 'c-' || (g % 30),
                                   1, now(), now() - interval '2 hours', now() - interval '2 hours'
                              from generate_series(1, :n) g, generate_series(1, 2) twice
                            returning id, customer_id, origin, origin_ref, template_key),
                        delivered as (
                            insert into message_status_change (message_id, status, at)
                            select id, 'DELIVERED', now() - interval '2 hours' from sent)
                        insert into link_click (token, message_id, customer_id, channel, clicked_at, robot, first,
                                                origin, origin_ref, template_key)
                        select 'bench', id, customer_id, 'WHATSAPP', now() - interval '1 hour', false, true, origin,
                               origin_ref, template_key
                          from sent
                        """).param("n", orders).update();
        jdbc.sql("vacuum analyze").update();
        var http = HttpClient.newHttpClient();
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/products/bench-p"))
                        .header("X-Api-Key", "bench")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                                {"title": "Runner X", "variants": [{"variantId": "bench-p-1", "title": "42",
                                 "price": 59.90, "currency": "EUR", "inventory": 1000000}]}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (var i = 1; i <= orders; i++) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/orders/bench-o-" + i))
                            .header("X-Api-Key", "bench")
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("""
                                    {"customerId": "buyer-%d", "currency": "EUR", "total": 59.90,
                                     "lines": [{"productId": "bench-p", "variantId": "bench-p-1", "quantity": 1,
                                                "unitPrice": 59.90}]}""".formatted(i)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        org.awaitility.Awaitility.await("every order attributed")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from order_attribution where order_id like 'bench-o-%'")
                                .query(Long.class)
                                .single()
                        >= orders);
        var timer = meters.get("analytics.attribution").timer();
        var snapshot = timer.takeSnapshot();
        System.out.printf(
                "%nAttribution: %,d orders placed through the API, each attributed (touch: %s)%n"
                        + "  analytics.attribution: mean %.2f ms  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                orders,
                jdbc.sql(
                                "select string_agg(distinct touch, ',') from order_attribution where order_id like 'bench-o-%'")
                        .query(String.class)
                        .single(),
                timer.mean(TimeUnit.MILLISECONDS),
                Arrays.stream(snapshot.percentileValues())
                        .filter(p -> p.percentile() == 0.5)
                        .findFirst()
                        .orElseThrow()
                        .value(TimeUnit.MILLISECONDS),
                Arrays.stream(snapshot.percentileValues())
                        .filter(p -> p.percentile() == 0.99)
                        .findFirst()
                        .orElseThrow()
                        .value(TimeUnit.MILLISECONDS),
                timer.max(TimeUnit.MILLISECONDS));
    }

    /** The messages sent in a report's rows: the report covers what was seeded. */
    private static long sentIn(String report) {
        var matcher = java.util.regex.Pattern.compile("\"sent\":(\\d+)").matcher(report);
        var sum = 0L;
        while (matcher.find()) {
            sum += Long.parseLong(matcher.group(1));
        }
        return sum;
    }

    private static double secs(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}

package io.commerce.bench;

import io.commerce.BenchmarkApp;
import io.commerce.campaign.CampaignRequest;
import io.commerce.campaign.CampaignService;
import io.commerce.campaign.CampaignStatus;
import io.commerce.campaign.FlashSale;
import io.commerce.promotion.DiscountKind;
import io.commerce.shared.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a campaign to a million customers takes to snapshot into the outbox: customers (four languages,
 * one in eight without a first name) and their WhatsApp marketing consent are seeded set-based, then one
 * campaign to everyone is scheduled through {@link CampaignService} and launched by the application's own
 * launcher; the figure is the launch transaction (audience query, one INSERT … SELECT of the messages and
 * commit), timed by the {@code campaign.snapshot} meter; then, as the ceiling, the same rows written by one
 * hand-written {@code INSERT … SELECT} into an empty copy of the outbox, and the ratio. Run with {@code ./mvnw -Pbench
 * verify -Dbench=CampaignSnapshotBenchmark} ({@code -Dbench.customers=1000000}); prints its figures.
 */
public final class CampaignSnapshotBenchmark {

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 1_000_000);
        try (var app = BenchmarkApp.start(
                "--commerce.messaging.dispatcher.enabled=false",
                "--commerce.journey.runner-enabled=false",
                "--commerce.campaign.poll-interval=PT0.1S")) {
            var jdbc = app.getBean(JdbcClient.class);
            var seeding = System.nanoTime();
            seed(jdbc, customers);
            System.out.printf(Locale.ROOT, "%nseeded %d customers with consent in %.1f s%n", customers, since(seeding));

            var campaigns = app.getBean(CampaignService.class);
            var registry = app.getBean(MeterRegistry.class);
            var cpuBefore = databaseCpuSeconds(jdbc);
            var started = System.nanoTime();
            // SNAPSHOT_BENCH=flash: a flash sale, a discount code issued to each customer in the same launch
            var flash = "flash".equals(System.getenv("SNAPSHOT_BENCH"));
            if (flash) {
                jdbc.sql(
                                "insert into product (id, title, created_at, updated_at, version) values ('bench-p', 'Runner X',"
                                        + " now(), now(), 0)")
                        .update();
                jdbc.sql("insert into variant (product_id, variant_id, title, price, currency, inventory)"
                                + " values ('bench-p', 'v-42', 'EU 42', 89.95, 'EUR', 1000)")
                        .update();
            }
            var campaign = campaigns.create(
                    flash
                            ? new CampaignRequest(
                                    "Benchmark flash sale",
                                    "flash_sale",
                                    Map.of(
                                            "discountValue", "20%",
                                            "productName", "Runner X",
                                            "productUrl", "https://shop.example/p/runner-x"),
                                    Channel.WHATSAPP,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    new FlashSale(
                                            "bench-p",
                                            DiscountKind.PERCENT,
                                            BigDecimal.valueOf(20),
                                            null,
                                            null,
                                            Duration.ofHours(3)))
                            : new CampaignRequest(
                                    "Benchmark",
                                    "promotion",
                                    Map.of("promotion", "20% off everything", "url", "https://shop.example/sale"),
                                    Channel.WHATSAPP,
                                    null,
                                    null));
            // the status alone: the campaign's view counts its messages, a million rows, on every call
            while (!jdbc.sql("select status from campaign where id = cast(:id as uuid)")
                    .param("id", campaign.id())
                    .query(String.class)
                    .single()
                    .equals(CampaignStatus.LAUNCHED.name())) {
                if (since(started) > 600) {
                    throw new IllegalStateException("not launched within 10 minutes");
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            var wall = since(started);
            while (registry.find("campaign.snapshot").timer() == null) { // recorded just after the launch commits
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            var cpu = databaseCpuSeconds(jdbc) - cpuBefore;
            var snapshot = registry.get("campaign.snapshot").timer().totalTime(TimeUnit.MILLISECONDS) / 1000;
            var view = campaigns.get(campaign.id());
            System.out.printf(
                    Locale.ROOT,
                    "%nCampaign snapshot: %d customers -> %d messages queued in %.2f s = %.0f messages/s"
                            + " (%.2f s from scheduling to launched; PostgreSQL used %.1f s of CPU;"
                            + " %d cores, load average %.1f)%n%n",
                    customers,
                    view.audienceSize(),
                    snapshot,
                    view.audienceSize() / snapshot,
                    wall,
                    cpu,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (view.messages().queued() != customers) {
                throw new IllegalStateException("expected " + customers + " queued messages, got " + view.messages());
            }
            if (flash) {
                System.out.printf(
                        Locale.ROOT,
                        "With a code each: %d discount codes issued (%d distinct) in the same launch%n%n",
                        jdbc.sql("select count(*) from discount_code")
                                .query(Long.class)
                                .single(),
                        jdbc.sql("select count(distinct code) from discount_code")
                                .query(Long.class)
                                .single());
                return;
            }
            var byHand = byHand(jdbc);
            System.out.printf(
                    Locale.ROOT,
                    "One hand-written INSERT … SELECT of the same rows into a table like the outbox (same columns,"
                            + " defaults and indexes): %.2f s%nThe snapshot takes %.2f times as long (goal: at most"
                            + " 1.2)%n%n",
                    byHand,
                    snapshot / byHand);
        }
    }

    /** Customers with a phone, a language and WhatsApp marketing consent, as the API would store them. */
    private static void seed(JdbcClient jdbc, int customers) {
        jdbc.sql("""
                        insert into customer (id, phone, first_name, language, timezone, tags, created_at, updated_at)
                        select 'bench-' || g, '+346' || lpad(g::text, 8, '0'),
                               case when g % 8 = 0 then null else (array['Ana', 'Bea', 'Carla', 'Daan'])[1 + g % 4] end,
                               (array['en', 'es', 'nl', 'es-MX'])[1 + g % 4], 'Europe/Madrid',
                               array['bench', 'tier-' || g % 10], now(), now()
                          from generate_series(1, :count) g
                        """).param("count", customers).update();
        jdbc.sql("""
                        insert into consent (customer_id, channel, purpose, status, changed_at, source)
                        select 'bench-' || g, 'WHATSAPP', 'MARKETING', 'GRANTED', now(), 'bench'
                          from generate_series(1, :count) g
                        """).param("count", customers).update();
        jdbc.sql("vacuum analyze customer").update();
        jdbc.sql("vacuum analyze consent").update();
    }

    /**
     * The ceiling: the same million messages (recipient, language, time zone, the template's parameters with
     * the first name) written by one statement, as someone would by hand, into an empty copy of the outbox.
     */
    private static double byHand(JdbcClient jdbc) {
        jdbc.sql("create table message_by_hand (like message including defaults including indexes)")
                .update();
        var started = System.nanoTime();
        jdbc.sql("""
                        insert into message_by_hand (id, customer_id, channel, purpose, category, status, recipient,
                                                     timezone, language, template_key, content, next_attempt_at,
                                                     created_at, updated_at)
                        select gen_random_uuid(), c.id, 'WHATSAPP', 'MARKETING', 'MARKETING', 'QUEUED', c.phone,
                               c.timezone, c.language, 'promotion',
                               jsonb_build_object('kind', 'template', 'key', 'promotion', 'params',
                                   jsonb_build_object('firstName', coalesce(c.first_name, 'there'),
                                                      'promotion', '20% off everything',
                                                      'url', 'https://shop.example/sale')),
                               now(), now(), now()
                          from customer c
                          join consent k on k.customer_id = c.id and k.channel = 'WHATSAPP'
                                        and k.purpose = 'MARKETING' and k.status = 'GRANTED'
                         where c.erased_at is null and c.phone is not null
                        """).update();
        return since(started);
    }

    /**
     * CPU time used so far by the embedded PostgreSQL's processes (the server and its long-lived children:
     * backends of the pool, WAL writer, checkpointer), to tell the work from the waiting on a busy machine.
     */
    private static double databaseCpuSeconds(JdbcClient jdbc) {
        var backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        var server = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
        return Stream.concat(Stream.of(server), server.children())
                        .mapToLong(process -> process.info()
                                .totalCpuDuration()
                                .map(Duration::toMillis)
                                .orElse(0L))
                        .sum()
                / 1000.0;
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}

package io.commerce.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer-service scene of the conversation benchmarks, written set-based: customers (en, es, nl) with a
 * shipped order each, ~50 agents, FAQ entries and round-the-clock business hours (the last two through the
 * API, so that the application's in-memory FAQ index and hours are current).
 */
final class ServiceDeskSeed {

    static final String[] LANGUAGES = {"en", "es", "nl"};

    private final JdbcClient jdbc;
    private final String api;
    private final HttpClient http = HttpClient.newHttpClient();

    ServiceDeskSeed(JdbcClient jdbc, String baseUrl) {
        this.jdbc = jdbc;
        this.api = baseUrl + "/api/v1";
    }

    /** The number of the g-th contact: +346 and eight digits. */
    static String phone(int g) {
        return "+346" + String.format("%08d", g);
    }

    /** The language of the g-th contact. */
    static String language(int g) {
        return LANGUAGES[(g / 6) % 3];
    }

    /** Customers {@code bc-<g>} for g in 1..count unless {@code stranger(g)}, each with one shipped order. */
    void customers(int count) {
        jdbc.sql("""
                        insert into customer (id, phone, first_name, language, timezone, created_at, updated_at)
                        select 'bc-' || g, '+346' || lpad(g::text, 8, '0'), 'Ana',
                               (array['en', 'es', 'nl'])[(g / 6) % 3 + 1], 'Europe/Madrid', now(), now()
                          from generate_series(1, :count) g where g % 6 <> 5
                        """).param("count", count).update();
        jdbc.sql("""
                        insert into orders (id, customer_id, status, currency, total, placed_at, updated_at)
                        select 'BO-' || g, 'bc-' || g, 'SHIPPED', 'EUR', 42.50, now() - interval '3 days', now()
                          from generate_series(1, :count) g where g % 6 <> 5
                        """).param("count", count).update();
        jdbc.sql("""
                        insert into shipment (order_id, position, carrier, tracking_number, tracking_url, shipped_at)
                        select 'BO-' || g, 0, 'DHL', 'JD' || g, 'https://dhl.example/JD' || g, now() - interval '2 days'
                          from generate_series(1, :count) g where g % 6 <> 5
                        """).param("count", count).update();
        jdbc.sql("analyze").update();
    }

    /** Whether the g-th contact is a number no customer has. */
    static boolean stranger(int g) {
        return g % 6 == 5;
    }

    /** {@code count} agents, most speaking one language, some two, each taking up to {@code capacity}. */
    void agents(int count, int capacity) {
        jdbc.sql("""
                        insert into agent (id, name, languages, max_open_conversations, available, created_at, updated_at)
                        select 'agent-' || a, 'Agent ' || a,
                               case when a % 5 = 0 then array['en', (array['es', 'nl'])[a % 2 + 1]]
                                    else array[(array['en', 'es', 'nl'])[a % 3 + 1]] end,
                               :capacity, true, now(), now()
                          from generate_series(1, :count) a
                        """).param("count", count).param("capacity", capacity).update();
    }

    /** Shipping costs (the question the benchmark asks) and {@code others} other entries. */
    void faqs(int others) throws Exception {
        put("/faq/shipping-cost", """
                {"questions": {"en": ["how much is shipping"], "es": ["cuánto cuesta el envío"],
                               "nl": ["wat kost verzending"]},
                 "answers": {"en": "Shipping costs 4.95 €.", "es": "El envío cuesta 4,95 €.",
                             "nl": "Verzending kost 4,95 €."}}""");
        var topics = new String[] {"returns", "sizes", "gift wrapping", "invoices", "payment", "discounts", "stores"};
        for (int i = 1; i <= others; i++) {
            var topic = topics[i % topics.length] + " " + i;
            put("/faq/topic-" + i, """
                    {"questions": {"en": ["what about %1$s", "tell me about %1$s"], "es": ["qué pasa con %1$s"],
                                   "nl": ["hoe zit het met %1$s"]},
                     "answers": {"en": "About %1$s: ...", "es": "Sobre %1$s: ...", "nl": "Over %1$s: ..."}}""".formatted(topic));
        }
    }

    /** Open every day around the clock, so that people are always expected to answer. */
    void alwaysOpen() throws Exception {
        var day = "[[\"00:00\", \"24:00\"]]";
        put("/business-hours", """
                {"timezone": "Europe/Madrid", "weekly": {"mon": %1$s, "tue": %1$s, "wed": %1$s, "thu": %1$s,
                 "fri": %1$s, "sat": %1$s, "sun": %1$s}, "closures": []}""".formatted(day));
    }

    private void put(String path, String body) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(api + path))
                        .header("X-Api-Key", "bench")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + path + ": " + response.statusCode() + " " + response.body());
        }
    }
}

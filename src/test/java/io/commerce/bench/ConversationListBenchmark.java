package io.commerce.bench;

import io.commerce.BenchmarkApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntFunction;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast agents' lists of conversations answer with a million conversations stored (default {@code
 * -Dconversations=1000000}, written in one {@code INSERT … SELECT}): 80 % resolved, 12 % open, 5 % pending,
 * 3 % snoozed; four in five assigned among 50 agents; most with a few of 20 labels, some labels far more
 * common than others; active over the last year. Then {@code GET /api/v1/conversations} is timed, one request
 * at a time, for: open conversations of one agent with one label (agents and labels rotating), the open
 * unassigned queue, open ones with a label, and no filter. Prints p50/p99 per list and the plans of the first.
 * Run with {@code ./mvnw -Pbench verify -Dbench=ConversationListBenchmark}.
 */
public final class ConversationListBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var conversations = Integer.getInteger("conversations", 1_000_000);
        var rounds = Integer.getInteger("rounds", 500);
        try (var app = BenchmarkApp.start("--commerce.messaging.dispatcher.enabled=false")) {
            var jdbc = app.getBean(JdbcClient.class);
            var base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort() + "/api/v1/conversations";
            var started = System.nanoTime();
            seed(jdbc, conversations);
            System.out.printf(
                    "%nSeeded %d conversations in %.1f s%n", conversations, (System.nanoTime() - started) / 1e9);

            System.out.println("\nConversation lists (" + conversations + " stored, " + rounds
                    + " requests each, one at a time):");
            time(
                    base,
                    rounds,
                    i -> "?status=open&assignee=agent-" + (1 + i % 50) + "&label=" + label(i),
                    "open, one agent, one label");
            time(base, rounds, i -> "?status=open&assignee=unassigned", "open, unassigned (the queue)");
            time(base, rounds, i -> "?status=open&label=" + label(i), "open, one label");
            time(base, rounds, i -> "?assignee=agent-" + (1 + i % 50), "one agent, any status");
            time(base, rounds, i -> "", "no filter");
            time(base, rounds, i -> "?page=100", "no filter, page 100");
            explain(jdbc, "status = 'OPEN' and assignee = 'agent-7' and labels @> array[cast('vip' as varchar)]");
            explain(jdbc, "status = 'OPEN' and assignee is null");
        }
    }

    /** One of 20 labels, the first few far more common (as in the seed). */
    private static String label(int i) {
        return LABELS[i % LABELS.length];
    }

    private static final String[] LABELS = {
        "new-customer", "pending-payment", "vip", "returns", "shipping", "complaint", "wholesale", "gift",
        "invoice", "size-exchange", "damaged", "lost-parcel", "refund", "pre-sale", "b2b", "loyalty",
        "influencer", "press", "spam", "follow-up"
    };

    static void seed(JdbcClient jdbc, int count) {
        jdbc.sql("""
                        insert into conversation (id, channel, phone, customer_id, language, status, snoozed_until,
                                                  assignee, labels, opened_at, last_message_at, resolved_at)
                        select gen_random_uuid(), case when g % 10 = 0 then 'SMS' else 'WHATSAPP' end,
                               '+347' || lpad(g::text, 8, '0'), 'lc-' || g, (array['en', 'es', 'nl'])[g % 3 + 1],
                               s.status, case when s.status = 'SNOOZED' then now() + interval '1 day' end,
                               case when random() < 0.8 then 'agent-' || (1 + floor(random() * 50))::int end,
                               l.labels, t.at - interval '2 hours', t.at,
                               case when s.status = 'RESOLVED' then t.at + interval '1 hour' end
                          from generate_series(1, :count) g
                          cross join lateral (select case when r < 0.80 then 'RESOLVED' when r < 0.92 then 'OPEN'
                                                          when r < 0.97 then 'PENDING' else 'SNOOZED' end as status
                                                from (select random() + g * 0 as r) x) s
                          cross join lateral (select now() - random() * interval '365 days' + g * interval '0 s' as at) t
                          cross join lateral (
                                select coalesce(array_agg(distinct (:labels::varchar[])[1 + floor(power(random(), 2) * 20)::int]),
                                                '{}') as labels
                                  from generate_series(1, (floor(random() * 4) + g * 0)::int)) l
                        """)
                .param("count", count)
                .param("labels", "{" + String.join(",", LABELS) + "}")
                .update();
        jdbc.sql("vacuum analyze conversation").update();
    }

    private static void time(String base, int rounds, IntFunction<String> query, String name) throws Exception {
        for (int i = 0; i < 50; i++) {
            get(base + query.apply(i)); // warm-up
        }
        var micros = new long[rounds];
        long total = 0;
        for (int i = 0; i < rounds; i++) {
            var started = System.nanoTime();
            total += get(base + query.apply(i));
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        System.out.printf(
                "  %-32s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d items a page on average)%n",
                name,
                FixedRateLoad.percentile(micros, 50) / 1000.0,
                FixedRateLoad.percentile(micros, 99) / 1000.0,
                FixedRateLoad.percentile(micros, 100) / 1000.0,
                total / rounds);
    }

    /** Fetches a page; returns how many items it held. */
    private static int get(String url) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-Api-Key", "bench")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().split("\"conversationId\"", -1).length - 1;
    }

    private static void explain(JdbcClient jdbc, String where) {
        for (var sql : new String[] {
            "select * from conversation where " + where + " order by last_message_at desc, id limit 50",
            "select count(*) from conversation where " + where
        }) {
            System.out.println("\n  EXPLAIN ANALYZE " + sql);
            jdbc.sql("explain (analyze, buffers) " + sql)
                    .query(String.class)
                    .list()
                    .forEach(line -> System.out.println("    " + line));
        }
    }
}

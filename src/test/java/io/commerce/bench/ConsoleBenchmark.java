package io.commerce.bench;

import io.commerce.BenchmarkApp;
import io.commerce.console.people.PeopleService;
import io.commerce.console.people.Role;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the console's pages answer with a million conversations stored (issue 12: the inbox list and a
 * conversation page under 150 ms p99, the dashboard's data under 200 ms). Seeds the conversations of {@link
 * ConversationListBenchmark} ({@code -Dconversations=1000000}), then 200 contacts who write five messages each
 * through signed webhooks (customers with an order and a shipment, as {@link ServiceDeskSeed} makes them), and
 * two days of dashboard samples from two instances. An agent signs in with a form and a session, as a browser
 * does, and each page is fetched one request at a time ({@code -Drounds=500} each): the inbox's views, a
 * conversation with its customer card, the conversation's live refresh, and the dashboard's data.
 * Run with {@code ./mvnw -Pbench verify -Dbench=ConsoleBenchmark}.
 */
public final class ConsoleBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int CONTACTS = 200;

    public static void main(String[] args) throws Exception {
        var conversations = Integer.getInteger("conversations", 1_000_000);
        var rounds = Integer.getInteger("rounds", 500);
        try (var app = BenchmarkApp.start(
                "--commerce.messaging.dispatcher.enabled=false",
                "--commerce.messaging.whatsapp.mark-inbound-read=false",
                "--server.servlet.session.cookie.secure=false")) { // the benchmark's client speaks plain HTTP
            var jdbc = app.getBean(JdbcClient.class);
            var base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            var started = System.nanoTime();
            ConversationListBenchmark.seed(jdbc, conversations);
            var seed = new ServiceDeskSeed(jdbc, base);
            seed.customers(CONTACTS);
            seed.agents(50, 100);
            seed.alwaysOpen();
            try (var load = new FixedRateLoad()) {
                load.run(ConversationBenchmark.requests(URI.create(base + "/webhooks/whatsapp"), 1, CONTACTS * 5), 200);
            }
            samples(jdbc);
            jdbc.sql("vacuum analyze").update();
            System.out.printf(
                    "%nSeeded %d conversations, %d contacts' %d messages (%d conversation lines) and %d dashboard"
                            + " samples in %.1f s%n",
                    conversations,
                    CONTACTS,
                    CONTACTS * 5,
                    jdbc.sql("select count(*) from conversation_message")
                            .query(Long.class)
                            .single(),
                    jdbc.sql("select count(*) from ops_sample")
                            .query(Long.class)
                            .single(),
                    (System.nanoTime() - started) / 1e9);

            app.getBean(PeopleService.class)
                    .add(new PeopleService.NewPerson(
                            "agent7@bench.example",
                            "Agent 7",
                            Role.AGENT,
                            "agent-7",
                            "en",
                            List.of("en"),
                            "bench password 7"));
            var browser = signedIn(base, "agent7@bench.example", "bench password 7");
            var real = jdbc.sql("select id::text from conversation where customer_id like 'bc-%' or phone like '+3460%'"
                            + " order by last_message_at desc limit :n")
                    .param("n", CONTACTS)
                    .query(String.class)
                    .list();

            System.out.println("\nConsole pages (" + conversations + " conversations stored, " + rounds
                    + " requests each, one at a time, signed in as an agent):");
            time(browser, base, rounds, i -> "/console/inbox", "inbox: mine, open");
            time(browser, base, rounds, i -> "/console/inbox?view=unassigned", "inbox: unassigned, open");
            time(browser, base, rounds, i -> "/console/inbox?view=all", "inbox: all, open");
            time(browser, base, rounds, i -> "/console/inbox?view=all&status=any", "inbox: all, any status");
            time(browser, base, rounds, i -> "/console/inbox/list?view=all", "inbox list refresh (htmx)");
            time(
                    browser,
                    base,
                    rounds,
                    i -> "/console/inbox?view=all&c=" + real.get(i % real.size()),
                    "a conversation with its card");
            time(
                    browser,
                    base,
                    rounds,
                    i -> "/console/conversations/" + real.get(i % real.size()) + "/lines",
                    "a conversation's refresh (htmx)");
            time(browser, base, rounds, i -> "/console/dashboard/data?range=hour", "dashboard data, last hour");
            time(browser, base, rounds, i -> "/console/dashboard/data?range=day", "dashboard data, last day");
            time(browser, base, rounds, i -> "/console/dashboard", "dashboard page");
        }
    }

    /** Two days of samples every ten seconds from two instances, as the sampler writes them. */
    private static void samples(JdbcClient jdbc) {
        jdbc.sql("""
                        insert into ops_sample (at, instance, seconds, sent, send_failures, webhooks, webhook_p99_ms,
                                                queue_depth, oldest_due_seconds, steps_due, open_conversations,
                                                waiting_conversations, oldest_waiting_seconds)
                        select now() - s * interval '10 seconds', 'instance-' || i, 10, (random() * 800)::int,
                               (random() * 3)::int, (random() * 900)::int, 20 + random() * 60,
                               (random() * 5000)::int, (random() * 30)::int, (random() * 400)::int,
                               120000, (random() * 40)::int, (random() * 900)::int
                          from generate_series(0, 17279) s, generate_series(1, 2) i
                        """).update();
    }

    /** Signs in as a browser does: the form's CSRF token, the form posted, the session cookie kept. */
    private static HttpClient signedIn(String base, String email, String password) throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var form = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        var body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        var signIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/console/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var location = signIn.headers().firstValue("Location").orElse("");
        if (!location.endsWith("/console/inbox")) {
            throw new IllegalStateException("sign-in failed: " + signIn.statusCode() + " " + location);
        }
        return browser;
    }

    private static void time(HttpClient browser, String base, int rounds, IntFunction<String> path, String name)
            throws Exception {
        for (int i = 0; i < 50; i++) {
            get(browser, base + path.apply(i)); // warm-up
        }
        var micros = new long[rounds];
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            var started = System.nanoTime();
            bytes += get(browser, base + path.apply(i));
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        System.out.printf(
                "  %-34s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d kB a page)%n",
                name,
                FixedRateLoad.percentile(micros, 50) / 1000.0,
                FixedRateLoad.percentile(micros, 99) / 1000.0,
                FixedRateLoad.percentile(micros, 100) / 1000.0,
                bytes / rounds / 1024);
    }

    private static int get(HttpClient browser, String url) throws Exception {
        var response =
                browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode());
        }
        return response.body().length();
    }
}

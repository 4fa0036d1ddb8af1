package io.commerce.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.commerce.messaging.channel.Signatures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * A strict stand-in for the WhatsApp Cloud API, run in its own process by {@link CrashCheck}: it checks the
 * token and the request, accepts each send after a set latency, records it by our message id ({@code
 * biz_opaque_callback_data}), and posts the signed status webhooks {@code sent} then {@code delivered} back to the
 * service. Like Meta ({@code retry}) it keeps retrying a webhook with backoff until a 2xx, or ({@code give-up}) it
 * drops it after about 3 s. {@code GET /control/stats} and {@code GET /control/log} tell the harness what happened.
 *
 * <pre>java ... CloudApiStandIn PORT TOKEN APP_SECRET retry|give-up LATENCY_MS WEBHOOK_URL[,WEBHOOK_URL...]</pre>
 */
public final class CloudApiStandIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One accepted send, one webhook's fate; written out by {@code /control/log}. */
    private record Send(String ourId, String wamid, long at) {}

    private record Hook(String ourId, String wamid, String status, long firstTry, long answeredAt, int tries) {}

    private final String token;
    private final String appSecret;
    private final boolean giveUp;
    private final long latencyMillis;
    private final List<String> webhookUrls;
    private final ConcurrentLinkedQueue<Send> sends = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Hook> hooks = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger nextUrl = new AtomicInteger();
    private final Semaphore posting = new Semaphore(32);
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private CloudApiStandIn(String token, String appSecret, boolean giveUp, long latencyMillis, List<String> urls) {
        this.token = token;
        this.appSecret = appSecret;
        this.giveUp = giveUp;
        this.latencyMillis = latencyMillis;
        this.webhookUrls = urls;
    }

    public static void main(String[] args) throws IOException {
        var standIn = new CloudApiStandIn(
                args[1], args[2], args[3].equals("give-up"), Long.parseLong(args[4]), List.of(args[5].split(",")));
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.createContext(
                "/control/stats",
                exchange -> standIn.reply(
                        exchange,
                        200,
                        "accepted=%d pending=%d%n".formatted(standIn.sequence.get(), standIn.pending.get())));
        server.createContext("/control/log", exchange -> standIn.reply(exchange, 200, standIn.log()));
        server.createContext("/", standIn::send);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("Cloud API stand-in on 127.0.0.1:" + args[0] + ", webhooks " + args[3]);
    }

    /** {@code POST /{version}/{phone-number-id}/messages}: Meta's checks, its answer, then the webhooks. */
    private void send(HttpExchange exchange) throws IOException {
        var body = exchange.getRequestBody().readAllBytes();
        if (!exchange.getRequestMethod().equals("POST")
                || !exchange.getRequestURI().getPath().matches("/v\\d+\\.\\d+/[^/]+/messages")) {
            reply(exchange, 404, error(100, "Unknown path"));
            return;
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, error(190, "Invalid OAuth access token"));
            return;
        }
        var request = JSON.readTree(body);
        var ourId = request.path("biz_opaque_callback_data").asString("");
        var to = request.path("to").asString("");
        if (!request.path("messaging_product").asString("").equals("whatsapp")
                || !to.matches("\\+?\\d{8,15}")
                || ourId.isEmpty()
                || !request.has(request.path("type").asString("?"))) {
            reply(exchange, 400, error(100, "Invalid parameter"));
            return;
        }
        timer.schedule(() -> accept(exchange, ourId, to), latencyMillis, TimeUnit.MILLISECONDS); // Meta's latency
    }

    /** Takes the message and answers as the Cloud API does; its {@code sent} webhook follows. */
    private void accept(HttpExchange exchange, String ourId, String to) {
        var wamid = "wamid.STANDIN" + sequence.incrementAndGet();
        sends.add(new Send(ourId, wamid, System.currentTimeMillis()));
        try {
            reply(exchange, 200, """
                    {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],"messages":[{"id":"%s"}]}""".formatted(to, to.replace("+", ""), wamid));
        } catch (IOException e) {
            // the caller is gone (killed mid-send): the message was accepted all the same, as at Meta
        }
        pending.incrementAndGet();
        timer.schedule(
                () -> webhook(ourId, wamid, to, "sent", System.currentTimeMillis(), 1), 50, TimeUnit.MILLISECONDS);
    }

    /** Posts one status; on failure tries again after a backoff (or gives up), then moves on to delivered. */
    private void webhook(String ourId, String wamid, String to, String status, long firstTry, int tries) {
        Thread.ofVirtual().start(() -> {
            var answered = post(statusPayload(ourId, wamid, to, status));
            var now = System.currentTimeMillis();
            if (!answered && !(giveUp && now - firstTry >= 3_000)) {
                var backoff = giveUp ? 1_000 : Math.min(8_000, 500L << Math.min(tries, 4));
                timer.schedule(
                        () -> webhook(ourId, wamid, to, status, firstTry, tries + 1), backoff, TimeUnit.MILLISECONDS);
                return;
            }
            hooks.add(new Hook(ourId, wamid, status, firstTry, answered ? now : -1, tries));
            if (status.equals("sent")) {
                timer.schedule(
                        () -> webhook(ourId, wamid, to, "delivered", System.currentTimeMillis(), 1),
                        200,
                        TimeUnit.MILLISECONDS);
            } else {
                pending.decrementAndGet();
            }
        });
    }

    /**
     * One delivery: the services behind one address, as a load balancer shows them to Meta: the next URL in turn,
     * and the others if it does not answer 2xx.
     */
    private boolean post(String payload) {
        var first = nextUrl.getAndIncrement();
        for (int i = 0; i < webhookUrls.size(); i++) {
            if (post(webhookUrls.get(Math.floorMod(first + i, webhookUrls.size())), payload)) {
                return true;
            }
        }
        return false;
    }

    private boolean post(String url, String payload) {
        var bytes = payload.getBytes(StandardCharsets.UTF_8);
        try {
            posting.acquire();
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", Signatures.hubSignature(appSecret, bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() / 100 == 2;
            } finally {
                posting.release();
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String statusPayload(String ourId, String wamid, String to, String status) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"crash-number"},
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s","biz_opaque_callback_data":"%s"}]}}]}]}""".formatted(wamid, status, System.currentTimeMillis() / 1000, to.replace("+", ""), ourId);
    }

    private String log() {
        var out = new StringBuilder();
        sends.forEach(s -> out.append("send ")
                .append(s.ourId())
                .append(' ')
                .append(s.wamid())
                .append(' ')
                .append(s.at())
                .append('\n'));
        hooks.forEach(h -> out.append("hook %s %s %s %d %d %d%n"
                .formatted(h.ourId(), h.wamid(), h.status(), h.firstTry(), h.answeredAt(), h.tries())));
        return out.toString();
    }

    private static String error(int code, String message) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,"fbtrace_id":"STANDIN"}}""".formatted(code, message, code);
    }

    private void reply(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

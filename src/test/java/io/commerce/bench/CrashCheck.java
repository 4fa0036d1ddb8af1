package io.commerce.bench;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * Kills the service with SIGKILL during dispatch, restarts it on the same data, and counts lost and duplicated
 * sends (issue 9, finding 4; ADR 0006). A strict Cloud API stand-in ({@link CloudApiStandIn}) runs in its own
 * process and records every send it accepted by our message id; the service runs as a child JVM on this
 * classpath. Run with {@code ./mvnw -Pbench verify -Dbench=CrashCheck}; properties (with the {@code bench}
 * profile's defaults):
 *
 * <ul>
 *   <li>{@code -Dcrash.mode=single}: one service with its own embedded PostgreSQL; {@code two-process}: two
 *       services dispatching together on one PostgreSQL the harness runs (durable settings), the first one killed
 *   <li>{@code -Dcrash.messages=5000}: transactional messages queued through the API before dispatch starts
 *   <li>{@code -Dcrash.kills=jvm,jvm+pg,jvm+pg}: one SIGKILL per entry, spread over the dispatch: {@code jvm} the
 *       service's JVM alone, {@code jvm+pg} the JVM and its embedded PostgreSQL at once (a machine crash)
 *   <li>{@code -Dcrash.webhooks=retry}: status webhooks retried with backoff until answered (as Meta does);
 *       {@code give-up}: dropped after about 3 s
 *   <li>{@code -Dcrash.latency=100}: the stand-in's answer time in ms; {@code -Dcrash.stop-orphan=true}: when a
 *       restart is blocked by the PostgreSQL a killed JVM left running, stop it and start again (reported)
 * </ul>
 *
 * Ports: single: service 18082, its PostgreSQL 15482, stand-in 19082; two-process: services 18083 and 18084,
 * PostgreSQL 15483, stand-in 19083 (so that the two modes can run at once); data in
 * {@code /tmp/crashcheck-*} (deleted at the end unless {@code -Dcrash.keep=true}).
 */
public final class CrashCheck {

    static final Duration SENDING_TIMEOUT = Duration.ofMinutes(1);
    private static final String TOKEN = "crash-token";
    private static final String SECRET = "crash-secret";
    private static final String KEY = "crash";

    /**
     * One SIGKILL: when, what, what the database held for each message at that moment (the JVM frozen first),
     * how the restart went.
     */
    record Kill(long at, String kind, long acceptedBefore, Map<String, CrashReport.Stored> atKill, String restart) {

        Set<String> inFlight() {
            var ids = new HashSet<String>();
            atKill.forEach((id, row) -> {
                if (row.status().equals("SENDING")) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }

    /** The stand-in's port: 19082 for the single mode, 19083 for two-process (so that both can run at once). */
    private int standInPort;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    public static void main(String[] args) throws Exception {
        // the harness's own PostgreSQL (two-process mode) would log every line of its start-up here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        new CrashCheck().run();
    }

    private void run() throws Exception {
        var twoProcess = System.getProperty("crash.mode", "single").equals("two-process");
        standInPort = twoProcess ? 19083 : 19082;
        var messages = Integer.getInteger("crash.messages", 5_000);
        var kills =
                List.of(System.getProperty("crash.kills", "jvm,jvm+pg,jvm+pg").split(","));
        var webhooks = System.getProperty("crash.webhooks", "retry");
        var latency = Long.getLong("crash.latency", 100);
        var stopOrphan = Boolean.parseBoolean(System.getProperty("crash.stop-orphan", "true"));
        var work = Files.createDirectories(Path.of(
                "/tmp/crashcheck-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        System.out.printf(
                "%nCrash check: %s, %d messages, kills %s, webhooks %s, stand-in latency %d ms, sending timeout %s;"
                        + " logs in %s%n",
                twoProcess
                        ? "two services on one PostgreSQL (durable settings), the first one killed"
                        : "one service with its embedded PostgreSQL",
                messages,
                kills,
                webhooks.equals("retry") ? "retried until answered (like Meta)" : "dropped after about 3 s",
                latency,
                SENDING_TIMEOUT,
                work);

        EmbeddedPostgres sharedPostgres = null;
        Process standIn = null;
        var services = new ArrayList<ServiceProcess>();
        try {
            String jdbcUrl;
            if (twoProcess) {
                sharedPostgres = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("shared-pg"))
                        .setCleanDataDirectory(true)
                        .setPort(15483)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
                jdbcUrl = sharedPostgres.getJdbcUrl("postgres", "postgres");
                services.add(service("A", 18083, work, jdbcUrl));
                services.add(service("B", 18084, work, jdbcUrl));
            } else {
                jdbcUrl = "jdbc:postgresql://localhost:15482/postgres?user=postgres";
                services.add(service("A", 18082, work, null));
            }
            var webhookUrls = services.stream()
                    .map(s -> s.baseUrl() + "/webhooks/whatsapp")
                    .reduce((a, b) -> a + "," + b)
                    .orElseThrow();
            standIn = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            CloudApiStandIn.class.getName(),
                            String.valueOf(standInPort),
                            TOKEN,
                            SECRET,
                            webhooks,
                            String.valueOf(latency),
                            webhookUrls)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("stand-in.log").toFile())
                    .start();

            var first = services.getFirst();
            first.start("--commerce.messaging.dispatcher.enabled=false");
            require(first.awaitHealthy(Duration.ofMinutes(6)), first, "did not start");
            var started = System.nanoTime();
            var ids = queue(first, messages);
            System.out.printf(
                    "  queued %d messages through the API in %.1f s (dispatcher off)%n",
                    ids.size(), (System.nanoTime() - started) / 1e9);
            first.stop();
            for (var service : services) {
                service.start();
            }
            for (var service : services) {
                require(service.awaitHealthy(Duration.ofMinutes(6)), service, "did not start");
            }
            System.out.println("  dispatching");

            var killed = new ArrayList<Kill>();
            for (int k = 0; k < kills.size(); k++) {
                var threshold = (long) messages * (k + 1) / (kills.size() + 1);
                await().atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> accepted() >= threshold);
                var kind = twoProcess ? "jvm" : kills.get(k);
                first.freeze();
                var at = System.currentTimeMillis();
                var atKill = CrashReport.readMessages(jdbcUrl, ids);
                var acceptedBefore = accepted();
                if (kind.equals("jvm+pg")) {
                    first.killJvmAndPostgres();
                } else {
                    first.killJvm();
                }
                var restart = restart(first, stopOrphan);
                var kill = new Kill(at, kind, acceptedBefore, atKill, restart);
                killed.add(kill);
                System.out.printf(
                        "  kill %d (%s) after %d sends accepted, %d messages in 'sending'; restart: %s%n",
                        k + 1, kind, acceptedBefore, kill.inFlight().size(), restart);
            }

            System.out.println("  waiting for every message to settle (the sending-timeout sweep runs every minute)");
            awaitSettled(jdbcUrl, Duration.ofMinutes(6));
            var report = new CrashReport(ids, standInLog(), CrashReport.readMessages(jdbcUrl, ids), killed);
            report.print(System.out, durability(jdbcUrl));
        } finally {
            for (var service : services) {
                service.stop();
            }
            if (standIn != null) {
                standIn.destroy();
            }
            if (sharedPostgres != null) {
                sharedPostgres.close();
            }
            if (!Boolean.getBoolean("crash.keep")) {
                FileSystemUtils.deleteRecursively(work.resolve("pg"));
                FileSystemUtils.deleteRecursively(work.resolve("shared-pg"));
            }
        }
    }

    private ServiceProcess service(String name, int port, Path work, String sharedJdbcUrl) throws IOException {
        var env = new HashMap<String, String>(Map.of(
                "SERVER_PORT",
                String.valueOf(port),
                "COMMERCE_API_KEYS",
                KEY,
                "WHATSAPP_API_BASE_URL",
                "http://127.0.0.1:" + standInPort,
                "WHATSAPP_ACCESS_TOKEN",
                TOKEN,
                "WHATSAPP_PHONE_NUMBER_ID",
                "crash-number",
                "WHATSAPP_APP_SECRET",
                SECRET,
                "WHATSAPP_VERIFY_TOKEN",
                "crash-verify"));
        var args = new ArrayList<>(List.of(
                "--commerce.messaging.dispatcher.sending-timeout=" + SENDING_TIMEOUT,
                "--commerce.messaging.dispatcher.pacing=false",
                "--commerce.messaging.whatsapp.mark-inbound-read=false",
                "--logging.level.root=WARN",
                "--logging.level.io.commerce=INFO",
                "--logging.level.io.zonky=INFO"));
        Path embedded = null;
        if (sharedJdbcUrl == null) {
            embedded = work.resolve("pg");
            env.put("COMMERCE_EMBEDDEDPOSTGRES_DATADIRECTORY", embedded.toString());
            args.add("--commerce.embedded-postgres.port=15482");
        } else {
            env.put("SPRING_DATASOURCE_URL", sharedJdbcUrl.replaceAll("\\?.*", ""));
            env.put("SPRING_DATASOURCE_USERNAME", "postgres");
            env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        }
        return new ServiceProcess(name, port, env, args, work.resolve("service-" + name + ".log"), embedded);
    }

    /**
     * Starts the killed service again on the same data. A JVM killed alone leaves its embedded PostgreSQL
     * running: whether the service copes with it (stops it, or is blocked by it) is reported; when it is blocked
     * and {@code stopOrphan} allows, the orphan is stopped here and the service started again.
     */
    private static String restart(ServiceProcess service, boolean stopOrphan) throws Exception {
        var started = System.nanoTime();
        var orphan = service.postmaster().filter(ProcessHandle::isAlive);
        service.start();
        if (service.awaitHealthy(Duration.ofMinutes(6))) {
            var seconds = (System.nanoTime() - started) / 1e9;
            if (orphan.isEmpty()) {
                return "up in %.1f s".formatted(seconds);
            }
            var now = service.postmaster().map(ProcessHandle::pid).orElse(-1L);
            return now == orphan.get().pid()
                    ? ("up in %.1f s, but on the ORPHANED PostgreSQL (pid %d) the killed JVM left running: its own"
                                    + " server did not start (lock file postmaster.pid already exists) and the"
                                    + " orphan answered on the fixed port")
                            .formatted(seconds, now)
                    : "up in %.1f s; the orphaned PostgreSQL (pid %d) was replaced by a new server (pid %d)"
                            .formatted(seconds, orphan.get().pid(), now);
        }
        var why = service.logTail(400).contains("postmaster.pid") ? " (postmaster.pid already exists)" : "";
        if (orphan.isEmpty() || !orphan.get().isAlive() || !stopOrphan) {
            service.stop();
            throw new IllegalStateException(
                    service.name() + " did not restart" + why + "; last lines of its log:\n" + service.logTail(30));
        }
        service.stop();
        orphan.get().destroy(); // SIGTERM: the orphan shuts down cleanly, as the service would have
        orphan.get().onExit().join();
        service.start();
        require(service.awaitHealthy(Duration.ofMinutes(6)), service, "did not restart after the orphan stopped");
        return "BLOCKED by the orphaned embedded PostgreSQL%s; the harness stopped it, then up in %.1f s"
                .formatted(why, (System.nanoTime() - started) / 1e9);
    }

    private static void require(boolean ok, ServiceProcess service, String what) throws IOException {
        if (!ok) {
            throw new IllegalStateException(
                    service.name() + " " + what + "; last lines of its log:\n" + service.logTail(30));
        }
    }

    /** Customers with WhatsApp consent and one transactional template each, through the public API. */
    private List<String> queue(ServiceProcess service, int count) throws InterruptedException {
        var ids = new ConcurrentLinkedQueue<String>();
        var api = service.baseUrl() + "/api/v1";
        var slots = new Semaphore(32);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                var customer = "crash-" + i;
                var phone = "+346" + String.format(Locale.ROOT, "%08d", i);
                slots.acquire();
                threads.submit(() -> {
                    try {
                        call("PUT", api + "/customers/" + customer, """
                                {"phone": "%s", "firstName": "Ana", "language": "en"}""".formatted(phone));
                        call("PUT", api + "/customers/" + customer + "/consents/whatsapp/transactional", """
                                {"status": "granted", "source": "crash-check"}""");
                        var answer = call("POST", api + "/messages", """
                                {"customerId": "%s", "purpose": "transactional",
                                 "template": {"key": "order_shipped", "params": {"orderId": "%s"}}}""".formatted(customer, customer));
                        ids.add(answer.replaceAll(".*\"messageId\":\"([^\"]+)\".*", "$1"));
                    } finally {
                        slots.release();
                    }
                    return null;
                });
            }
        }
        return List.copyOf(ids);
    }

    private String call(String method, String url, String body) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-Api-Key", KEY)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private long accepted() throws IOException, InterruptedException {
        var stats = standIn("/control/stats");
        return Long.parseLong(stats.replaceAll("(?s).*accepted=(\\d+).*", "$1"));
    }

    private String standInLog() throws IOException, InterruptedException {
        return standIn("/control/log");
    }

    private String standIn(String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standInPort + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Until no message is queued or sending and the stand-in has no webhook left to deliver. */
    private void awaitSettled(String jdbcUrl, Duration limit) {
        var started = System.nanoTime();
        var open = new AtomicLong();
        var pending = new AtomicLong();
        try {
            await().atMost(limit).pollInterval(Duration.ofSeconds(2)).until(() -> {
                open.set(openMessages(jdbcUrl));
                pending.set(Long.parseLong(standIn("/control/stats").replaceAll("(?s).*pending=(\\d+).*", "$1")));
                return open.get() == 0 && pending.get() == 0;
            });
            System.out.printf("  settled %.0f s after the last restart%n", (System.nanoTime() - started) / 1e9);
        } catch (ConditionTimeoutException e) {
            System.out.printf(
                    "  NOT settled after %s: %d messages queued or sending, %d webhooks pending%n",
                    limit, open.get(), pending.get());
        }
    }

    private static long openMessages(String jdbcUrl) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                var statement = connection.createStatement();
                var rs = statement.executeQuery("select count(*) from message where status in ('QUEUED', 'SENDING')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The PostgreSQL settings that decide whether a commit survives a crash of the server. */
    private static String durability(String jdbcUrl) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                var statement = connection.createStatement()) {
            var settings = new ArrayList<String>();
            for (var name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = statement.executeQuery("show " + name)) {
                    rs.next();
                    settings.add(name + "=" + rs.getString(1));
                }
            }
            return String.join(", ", settings);
        }
    }
}

package io.commerce.platform;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed requests sent as raw bytes to the real server, since most never reach Spring MVC (Tomcat
 * refuses them, or fails while parsing parameters lazily) and an HTTP client would refuse to send them
 * (issue 9, finding 1): each is a 4xx problem+json, never a 5xx or an HTML page, and leaves no warning,
 * error or stack trace in the log. With and without an API key, on the API and on the public webhooks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.connection-timeout=1s") // how long a body shorter than announced is awaited
@ActiveProfiles("test")
@DirtiesContext // its own server: nothing else needs it afterwards
class MalformedRequestTest {

    private static final String KEY = "X-Api-Key: test-key\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    static Stream<Arguments> malformed() {
        return Stream.of(
                // query strings and form bodies Tomcat cannot parse
                arguments("empty parameter name", get("/api/v1/customers?=1", KEY), 400),
                arguments("bad %-escape in query", get("/api/v1/customers?a=%ZZ", KEY), 400),
                arguments("bad query without a key", get("/api/v1/customers?a=%ZZ", ""), 400),
                arguments(
                        "more parameters than server.tomcat.max-parameter-count",
                        get(
                                "/api/v1/customers?"
                                        + IntStream.range(0, 1001)
                                                .mapToObj(i -> "p" + i + "=1")
                                                .collect(joining("&")),
                                KEY),
                        400),
                arguments("webhook handshake, empty name", get("/webhooks/whatsapp?=x", ""), 400),
                arguments("webhook handshake, bad escape", get("/webhooks/whatsapp?hub.mode=%ZZ", ""), 400),
                arguments("webhook post, bad query", send("POST", "/webhooks/whatsapp?a=%ZZ", JSON, "{}"), 400),
                arguments("sms status, bad form", send("POST", "/webhooks/sms/status", FORM, "=%ZZ&a"), 400),
                arguments("sms inbound, bad form", send("POST", "/webhooks/sms/inbound", FORM, "Body=%E"), 400),
                // paths
                arguments("bad %-escape in path", get("/api/v1/customers/%ZZ", KEY), 400),
                arguments("NUL in path", get("/api/v1/customers/%00", KEY), 400),
                arguments("encoded slash in path", get("/api/v1/customers/a%2Fb", KEY), 400),
                arguments("invalid UTF-8 in path", get("/api/v1/customers/%C3%28", ""), 400),
                arguments("bad path under webhooks", get("/webhooks/whatsapp/%ZZ", ""), 400),
                // request line and headers
                arguments("garbage request line", "GARBAGE\r\n\r\n", 400),
                arguments("space in the target", "GET /api/v1/cust omers HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                arguments("unknown HTTP version", "GET /api/v1/customers HTTP/2.5\r\nHost: x\r\n\r\n", 400),
                arguments(
                        "header over the limit",
                        get("/api/v1/customers", KEY + "X-Big: " + "a".repeat(20_000) + "\r\n"),
                        400),
                arguments(
                        "control character in a header", get("/api/v1/customers", "X-Api-Key: test\u0001key\r\n"), 400),
                arguments(
                        "two different Content-Lengths",
                        send("PUT", "/api/v1/customers/c-1", KEY + JSON + "Content-Length: 3\r\n", "{}"),
                        400),
                arguments(
                        "unknown transfer coding",
                        "POST /webhooks/whatsapp HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
                        400),
                arguments(
                        "malformed Content-Type",
                        send("PUT", "/api/v1/customers/c-1", KEY + "Content-Type: /\r\n", "{}"),
                        415),
                arguments(
                        "unknown charset",
                        send(
                                "PUT",
                                "/api/v1/customers/c-1",
                                KEY + "Content-Type: application/json; charset=klingon\r\n",
                                "{}"),
                        415),
                arguments(
                        "unknown charset on the webhook",
                        send("POST", "/webhooks/whatsapp", "Content-Type: application/json; charset=klingon\r\n", "{}"),
                        415),
                // bodies
                arguments("truncated JSON", send("PUT", "/api/v1/customers/c-1", KEY + JSON, "{\"phone\": \"+34"), 400),
                arguments(
                        "invalid UTF-8 declared UTF-8",
                        send(
                                "PUT",
                                "/api/v1/customers/c-1",
                                KEY + "Content-Type: application/json; charset=utf-8\r\n",
                                "{\"phone\": \"+34612345678\", \"firstName\": \"\u00c3\u0028\u00ff\"}"),
                        400),
                arguments(
                        "body shorter than its Content-Length",
                        "PUT /api/v1/customers/c-1 HTTP/1.1\r\nHost: x\r\n" + KEY + JSON
                                + "Content-Length: 100\r\n\r\n{}",
                        400));
    }

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isA4xxProblemAndLeavesNoStackTrace(String name, String request, int status) throws IOException {
        var response = exchange(request);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        var problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isNotBlank();
        assertNothingWorthALogLine();
    }

    /** Tomcat closes the connection without an answer once it has waited for the rest of a form in vain. */
    @Test
    void aFormShorterThanItsContentLengthIsDroppedQuietly() throws IOException {
        var response = exchange("POST /webhooks/sms/status HTTP/1.1\r\nHost: x\r\n" + FORM
                + "Content-Length: 100\r\n\r\nMessageSid=SM1");

        assertThat(response.head()).isEmpty();
        assertNothingWorthALogLine();
    }

    private void assertNothingWorthALogLine() {
        assertThat(log.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)
                        || (event.getLevel().isGreaterOrEqual(Level.INFO) && event.getThrowableProxy() != null))
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
    }

    private static String get(String target, String headers) {
        return ("GET " + target + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n");
    }

    private static String send(String method, String target, String headers, String body) {
        return ("%s %s HTTP/1.1\r\nHost: x\r\n%sContent-Length: %d\r\n\r\n%s"
                .formatted(method, target, headers, body.getBytes(ISO_8859_1).length, body));
    }

    /** Sends a request as it goes on the wire, every character standing for one byte (ISO-8859-1). */
    private Response exchange(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
            return Response.read(socket.getInputStream());
        }
    }

    /** The status line, headers and (de-chunked) body of one HTTP/1.1 response. */
    private record Response(String head, byte[] body) {

        static Response read(InputStream in) throws IOException {
            var head = new ByteArrayOutputStream();
            while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
                var next = in.read();
                if (next < 0) {
                    break;
                }
                head.write(next);
            }
            var text = head.toString(ISO_8859_1);
            var response = new Response(text, new byte[0]);
            var length = response.header("Content-Length");
            if (length != null) {
                return new Response(text, in.readNBytes(Integer.parseInt(length)));
            }
            if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
                var body = new ByteArrayOutputStream();
                for (int size; (size = Integer.parseInt(line(in), 16)) > 0; line(in)) {
                    body.write(in.readNBytes(size));
                }
                return new Response(text, body.toByteArray());
            }
            return new Response(text, in.readAllBytes()); // the connection closes after the body
        }

        private static String line(InputStream in) throws IOException {
            var line = new StringBuilder();
            for (int next; (next = in.read()) >= 0 && next != '\n'; ) {
                if (next != '\r') {
                    line.append((char) next);
                }
            }
            return line.toString().strip();
        }

        int status() {
            return Integer.parseInt(head.split(" ", 3)[1].strip());
        }

        String header(String name) {
            return head.lines()
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst()
                    .orElse(null);
        }

        String text() {
            return head + new String(body, UTF_8);
        }
    }
}

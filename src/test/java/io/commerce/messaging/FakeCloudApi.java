package io.commerce.messaging;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A minimal, fast stand-in for the Cloud API's send endpoint, for benchmarks: accepts everything. */
public final class FakeCloudApi implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong sequence = new AtomicLong();

    private FakeCloudApi(HttpServer server) {
        this.server = server;
    }

    public static FakeCloudApi start() throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        var api = new FakeCloudApi(server);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
            var body = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                            + "\"messages\":[{\"id\":\"wamid.FAKE" + api.sequence.incrementAndGet() + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return api;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long requests() {
        return sequence.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

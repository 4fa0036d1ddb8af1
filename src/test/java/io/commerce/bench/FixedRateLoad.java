package io.commerce.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An open-loop load generator: sends pre-built requests at a fixed rate whatever the answers' latency, so a slow
 * service meets the same arrival rate instead of slowing the load down (no coordinated omission). At most {@link
 * #CONNECTIONS} requests are in flight, over as many kept-alive HTTP/1.1 connections, as a provider's webhook
 * sender would keep (without a bound, a backlog ran out of file descriptors); a request due while all are busy
 * waits for one, and that wait counts in its latency. Each request's latency is measured from the moment it was
 * due, and the wall-clock instant its answer arrived is kept, so that what the service did after answering can
 * be timed against it.
 *
 * <p>One thread does all the sending and reading (non-blocking sockets and a selector), waking at least every
 * millisecond to send what has fallen due: no thread, and next to no garbage, per request. The load generator stands for
 * phones and providers, which are not on the service's machine; here it shares the two cores, and a thread per
 * request cost about 75 µs of processor time a request (docs/benchmarks.md).
 *
 * <p>Connections stay open from one run to the next (a warm-up's are the measured run's, as a running client's
 * would be) until the load is closed.
 */
final class FixedRateLoad implements AutoCloseable {

    /** One request to send: its URL, headers as name/value pairs, and body (null: a GET). */
    record Request(URI url, List<String> headers, String body) {}

    /** What became of the requests, by their index: latency in µs, answer instant in epoch ms, HTTP status. */
    record Outcome(long[] latencyMicros, long[] answeredAtMillis, int[] status, double seconds) {

        long count(int code) {
            return Arrays.stream(status).filter(s -> s == code).count();
        }
    }

    /** Requests in flight at most, each on a connection of its own that is kept alive. */
    static final int CONNECTIONS = Integer.getInteger("connections", 0) > 0 ? Integer.getInteger("connections") : 128;

    private final Selector selector;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private int open;

    FixedRateLoad() throws IOException {
        selector = Selector.open();
    }

    /** Sends every request, {@code perSecond} of them a second, and waits for their answers. */
    Outcome run(List<Request> requests, int perSecond) throws IOException {
        var n = requests.size();
        var server = new InetSocketAddress(
                requests.getFirst().url().getHost(), requests.getFirst().url().getPort());
        var prepared = requests.stream().map(FixedRateLoad::bytes).toList();
        var latency = new long[n];
        var answeredAt = new long[n];
        var status = new int[n];
        var interval = 1_000_000_000L / perSecond;
        var due = 0; // requests due so far
        var sent = 0; // of them, sent
        var answered = 0;
        var start = System.nanoTime();
        var deadline = start + n * interval + TimeUnit.MINUTES.toNanos(2);
        while (answered < n) {
            var now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("answers still missing 2 minutes after the last request");
            }
            due = (int) Math.min(n, (now - start) / interval + 1);
            while (sent < due && (!idle.isEmpty() || open < CONNECTIONS)) {
                var connection = idle.poll();
                if (connection == null) {
                    connection = new Connection(SocketChannel.open(server), selector);
                    open++;
                }
                connection.send(sent, prepared.get(sent));
                sent++;
            }
            // until the next request falls due, to the millisecond above (the selector's grain): a request
            // may go out up to a millisecond late, and that counts in its latency
            var next = due < n ? start + due * interval : deadline;
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now + 999_999)));
            for (var key : selector.selectedKeys()) {
                var connection = (Connection) key.attachment();
                if (!connection.busy) { // closed by the server while idle (between runs)
                    idle.remove(connection);
                    connection.close();
                    open--;
                    continue;
                }
                int code;
                try {
                    code = connection.receive();
                } catch (IOException e) {
                    code = -1;
                }
                if (code == 0) {
                    continue; // more to come
                }
                var index = connection.request;
                connection.busy = false;
                status[index] = code;
                answeredAt[index] = System.currentTimeMillis();
                latency[index] = (System.nanoTime() - (start + index * interval)) / 1_000;
                answered++;
                if (code > 0 && connection.keepAlive) {
                    idle.add(connection);
                } else {
                    connection.close();
                    open--;
                }
            }
            selector.selectedKeys().clear();
        }
        var seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(latency, answeredAt, status, seconds);
    }

    /** Closes the kept-alive connections. */
    @Override
    public void close() throws IOException {
        for (var connection : idle) {
            connection.close();
        }
        selector.close();
    }

    /** The p-th percentile (0-100) of values, nearest rank; the array is sorted in place. */
    static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        var rank = (int) Math.ceil(p / 100 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    /** The request written out whole: request line, headers, host, length and body. */
    private static byte[] bytes(Request request) {
        var body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        var url = request.url();
        var head = new StringBuilder(request.body() == null ? "GET" : "POST")
                .append(' ')
                .append(url.getRawPath())
                .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ")
                .append(url.getHost())
                .append(':')
                .append(url.getPort())
                .append("\r\n");
        for (int h = 0; h < request.headers().size(); h += 2) {
            head.append(request.headers().get(h))
                    .append(": ")
                    .append(request.headers().get(h + 1))
                    .append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        var headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        var bytes = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, bytes, headBytes.length, body.length);
        return bytes;
    }

    /** A kept-alive connection carrying one request at a time, its answer read as far as status and length. */
    private static final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private final HttpAnswer answer = new HttpAnswer();
        private int request;
        private boolean busy;
        private boolean keepAlive = true;

        Connection(SocketChannel channel, Selector selector) throws IOException {
            this.channel = channel;
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send(int index, byte[] bytes) throws IOException {
            request = index;
            busy = true;
            answer.reset();
            var out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) { // a request fits the socket's empty send buffer: this does not spin
                channel.write(out);
            }
        }

        /** Reads what has arrived: the answer's status once it is complete, 0 while it is not. */
        int receive() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the server");
            }
            in.flip();
            var status = answer.read(in);
            in.compact();
            keepAlive = answer.keepAlive();
            return status;
        }

        void close() throws IOException {
            channel.close();
        }
    }
}

package io.commerce.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The load generator's side of HTTP/1.1: at most {@code size} sockets to one server, each kept alive and used
 * by one request at a time, requests written as prepared bytes and answers read only as far as their status
 * and length. What a webhook sender does, at a small fraction of the processor time of {@code
 * java.net.http.HttpClient} (which, in the same JVM and on the same two cores as the service, took a tenth of
 * the processor's samples in the inbound benchmark).
 */
final class KeptAliveConnections {

    private final String host;
    private final int port;
    private final Semaphore free;
    private final LinkedBlockingQueue<Connection> idle = new LinkedBlockingQueue<>();

    KeptAliveConnections(URI server, int size) {
        this.host = server.getHost();
        this.port = server.getPort();
        this.free = new Semaphore(size);
    }

    /** A POST written out whole: request line, {@code headers} (name/value pairs), length and body. */
    byte[] post(URI url, List<String> headers, String body) {
        return request("POST", url, headers, body);
    }

    /** A GET (no body) written out whole. */
    byte[] get(URI url, List<String> headers) {
        return request("GET", url, headers, "");
    }

    private byte[] request(String method, URI url, List<String> headers, String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var head =
                new StringBuilder(method).append(' ').append(url.getRawPath()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (int h = 0; h < headers.size(); h += 2) {
            head.append(headers.get(h)).append(": ").append(headers.get(h + 1)).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        var headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        var request = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
        return request;
    }

    /** Sends a prepared request on a free connection (waiting for one) and returns the answer's status. */
    int send(byte[] request) throws IOException, InterruptedException {
        free.acquire();
        try {
            var connection = idle.poll();
            if (connection == null) {
                connection = new Connection(new Socket(host, port));
            }
            try {
                var status = connection.exchange(request);
                if (connection.keepAlive) {
                    idle.add(connection);
                } else {
                    connection.socket.close();
                }
                return status;
            } catch (IOException e) {
                connection.socket.close();
                throw e;
            }
        } finally {
            free.release();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean keepAlive = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            var statusLine = line();
            var status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = 0;
            var chunked = false;
            for (String header; !(header = line()).isEmpty(); ) {
                var lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    keepAlive = false;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].strip(), 16)) > 0; ) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else {
                in.skipNBytes(length);
            }
            return status;
        }

        private String line() throws IOException {
            var line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c == -1) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}

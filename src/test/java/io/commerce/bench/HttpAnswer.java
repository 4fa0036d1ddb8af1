package io.commerce.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads an HTTP/1.1 answer as its bytes arrive, as far as the load generator needs: the status, whether the
 * connection stays open, and where the answer ends (by its length or its chunks; the body is skipped).
 */
final class HttpAnswer {

    private enum State {
        HEAD,
        BODY,
        CHUNK_SIZE,
        CHUNK,
        TRAILER
    }

    private State state;
    private int status;
    private long left; // body or chunk bytes still to skip
    private boolean keepAlive;

    HttpAnswer() {
        reset();
    }

    void reset() {
        state = State.HEAD;
        status = 0;
        left = 0;
        keepAlive = true;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /**
     * Consumes what it can of {@code in} (in read mode; an incomplete line stays in it); answers the status once
     * the answer is complete, 0 before.
     */
    int read(ByteBuffer in) {
        while (true) {
            switch (state) {
                case HEAD -> {
                    var head = upTo(in, "\r\n\r\n");
                    if (head == null) {
                        return 0;
                    }
                    head(head);
                }
                case BODY, CHUNK -> {
                    var skipped = (int) Math.min(left, in.remaining());
                    in.position(in.position() + skipped);
                    left -= skipped;
                    if (left > 0) {
                        return 0;
                    }
                    if (state == State.BODY) {
                        return status;
                    }
                    state = State.CHUNK_SIZE;
                }
                case CHUNK_SIZE -> {
                    var line = upTo(in, "\r\n");
                    if (line == null) {
                        return 0;
                    }
                    var size = Long.parseLong(line.split(";")[0].strip(), 16);
                    state = size == 0 ? State.TRAILER : State.CHUNK;
                    left = size + 2; // the chunk and its line end
                }
                case TRAILER -> {
                    var line = upTo(in, "\r\n");
                    if (line == null) {
                        return 0;
                    }
                    if (line.isEmpty()) {
                        return status;
                    }
                }
            }
        }
    }

    private void head(String head) {
        var lines = head.split("\r\n");
        status = Integer.parseInt(lines[0].split(" ")[1]);
        var chunked = false;
        for (var i = 1; i < lines.length; i++) {
            var header = lines[i].toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) {
                left = Long.parseLong(header.substring(15).strip());
            } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            } else if (header.startsWith("connection:") && header.contains("close")) {
                keepAlive = false;
            }
        }
        state = chunked ? State.CHUNK_SIZE : State.BODY;
    }

    /** The text before {@code end}, consumed with it; null (nothing consumed) when {@code end} has not arrived. */
    private static String upTo(ByteBuffer in, String end) {
        var last = end.length() - 1;
        for (var i = in.position() + last; i < in.limit(); i++) {
            if (matches(in, i - last, end)) {
                var text = new byte[i - last - in.position()];
                in.get(text);
                in.position(i + 1);
                return new String(text, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static boolean matches(ByteBuffer in, int at, String text) {
        for (var k = 0; k < text.length(); k++) {
            if (in.get(at + k) != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}

package io.commerce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load generator's reading of answers, as they arrive in pieces over a kept-alive connection. */
class HttpAnswerTest {

    private final HttpAnswer answer = new HttpAnswer();
    private final ByteBuffer in = ByteBuffer.allocate(1024);

    @Test
    void anAnswerWithALengthIsCompleteOnlyWithItsLastByteAndLeavesTheNextOnesBytes() {
        var redirect = "HTTP/1.1 302 \r\nLocation: https://shop.example/sale\r\nContent-Length: 5\r\n\r\nhello";

        assertThat(arrive(redirect.substring(0, 20))).isZero();
        assertThat(arrive(redirect.substring(20, redirect.length() - 1))).isZero();
        assertThat(arrive(redirect.substring(redirect.length() - 1) + "HTTP/1.1"))
                .isEqualTo(302);
        assertThat(answer.keepAlive()).isTrue();
        assertThat(StandardCharsets.US_ASCII.decode(in.flip()).toString()).isEqualTo("HTTP/1.1");
    }

    @Test
    void aChunkedAnswerEndsWithItsLastChunkAndAClosingOneSaysSo() {
        var page = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n";

        for (var i = 0; i < page.length() - 1; i++) {
            assertThat(arrive(page.substring(i, i + 1))).as("after byte %d", i).isZero();
        }
        assertThat(arrive(page.substring(page.length() - 1))).isEqualTo(200);
        assertThat(answer.keepAlive()).isFalse();
    }

    /** Bytes arrive: read what can be read, keep the rest for the next arrival, as the connection does. */
    private int arrive(String bytes) {
        in.put(bytes.getBytes(StandardCharsets.US_ASCII));
        in.flip();
        var status = answer.read(in);
        in.compact();
        return status;
    }
}

package io.commerce.conversation.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.Api;
import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /api/v1/media} and {@code GET /api/v1/media/{id}}: a file an agent uploads comes back byte for
 * byte with its type and checksum; unknown ids are 404, files over Meta's limit for their type 413, types
 * WhatsApp does not carry 415, all problem+json; retention deletes old files.
 */
@IntegrationTest
class MediaApiTest {

    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MediaRetention retention;

    @Autowired
    MediaFolder folder;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUploadedFileComesBackWithItsTypeAndChecksum() {
        var uploaded = upload(new MockMultipartFile("file", "receipt.png", "image/png", PNG));

        assertThat(uploaded).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.mimeType").isEqualTo("image/png");
            assertThat(body).extractingPath("$.size").isEqualTo(PNG.length);
            assertThat(body).extractingPath("$.sha256").asString().hasSize(64);
            assertThat(body).extractingPath("$.filename").isEqualTo("receipt.png");
        });
        var id = mediaId(uploaded);
        assertThat(Api.get(mvc, "/api/v1/media/" + id))
                .hasStatusOk()
                .hasContentType(MediaType.IMAGE_PNG)
                .hasHeader("Content-Length", String.valueOf(PNG.length))
                .body()
                .isEqualTo(PNG);
    }

    @Test
    void aFileWithoutADeclaredTypeIsKnownByItsName() {
        var pdf = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);

        assertThat(upload(new MockMultipartFile("file", "invoice.pdf", "application/octet-stream", pdf)))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.mimeType")
                .isEqualTo("application/pdf");
    }

    @Test
    void unknownMediaIsNotFound() {
        assertThat(Api.get(mvc, "/api/v1/media/no-such-file"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("MEDIA_NOT_FOUND");
    }

    @Test
    void anImageOverFiveMegabytesIsTooLarge() {
        var large = new byte[5 * 1024 * 1024 + 1];

        assertThat(upload(new MockMultipartFile("file", "huge.jpg", "image/jpeg", large)))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void aTypeWhatsAppDoesNotCarryIsRefused() {
        assertThat(upload(new MockMultipartFile("file", "photos.zip", "application/zip", new byte[] {1, 2})))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNSUPPORTED_FILE_TYPE");
    }

    @Test
    void retentionDeletesOldFilesAndKeepsNewOnes() {
        var old = mediaId(upload(new MockMultipartFile("file", "old.png", "image/png", PNG)));
        clock.advance(Duration.ofDays(60));
        var recent = mediaId(upload(new MockMultipartFile("file", "new.png", "image/png", PNG)));
        clock.advance(Duration.ofDays(31)); // the first is 91 days old, past the default 90

        assertThat(retention.purge()).isPositive();

        assertThat(folder.exists(old)).isFalse();
        assertThat(Api.get(mvc, "/api/v1/media/" + old)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(folder.exists(recent)).isTrue();
        assertThat(Api.get(mvc, "/api/v1/media/" + recent)).hasStatusOk();
    }

    private MvcTestResult upload(MockMultipartFile file) {
        return mvc.post()
                .uri("/api/v1/media")
                .multipart()
                .file(file)
                .header("X-Api-Key", Api.KEY)
                .exchange();
    }

    private static String mediaId(MvcTestResult result) {
        try {
            return com.jayway.jsonpath.JsonPath.read(
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.mediaId");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

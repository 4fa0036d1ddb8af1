package io.commerce.conversation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Files over real HTTP with the built-in sandbox: a sandbox customer sends a PDF (a signed webhook, the media
 * on the simulated Cloud API), the poller downloads it and the conversation shows it; an agent uploads a
 * photo and sends it back, uploaded to the simulated Cloud API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "commerce.conversation.media.downloads-enabled=true",
            "commerce.conversation.media.poll-interval=PT0.2S"
        })
@ActiveProfiles("test")
@DirtiesContext // its poller runs: it must not outlive this class and download other tests' files
class SandboxFilesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSandboxCustomerSendsAReceiptAndTheAgentSendsAPhotoBack() {
        var api = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("X-Api-Key", "test-key")
                .build();
        var phone = "+346" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        var customerId = "files-" + phone.substring(1);
        api.put()
                .uri("/api/v1/customers/" + customerId)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"phone\": \"%s\", \"firstName\": \"Ana\", \"language\": \"es\"}".formatted(phone))
                .retrieve()
                .toBodilessEntity();

        json(api.post()
                .uri("/api/v1/sandbox/customers/" + phone + "/whatsapp")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"media\": \"pdf\", \"text\": \"mi recibo\"}"));

        var conversation = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("select id::text from conversation where phone = ?")
                                .param(phone)
                                .query(String.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .get();
        var media = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> json(api.get().uri("/api/v1/conversations/" + conversation))
                                .path("messages")
                                .path(0)
                                .path("media"),
                        file -> file.path("size").asLong(0) > 0);
        assertThat(media.path("mimeType").asString()).isEqualTo("application/pdf");
        assertThat(media.path("caption").asString()).isEqualTo("mi recibo");
        var file = api.get()
                .uri("/api/v1/media/" + media.path("mediaId").asString())
                .retrieve()
                .toEntity(byte[].class);
        assertThat(new String(file.getBody(), StandardCharsets.US_ASCII)).startsWith("%PDF");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("receipt.pdf");

        var form = new LinkedMultiValueMap<String, Object>();
        var part = new HttpHeaders();
        part.setContentType(MediaType.IMAGE_PNG);
        part.setContentDispositionFormData("file", "photo.png");
        form.add("file", new HttpEntity<>(new ByteArrayResource(new byte[] {(byte) 0x89, 'P', 'N', 'G'}), part));
        var uploaded = json(api.post()
                .uri("/api/v1/media")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form));
        api.put()
                .uri("/api/v1/agents/files-agent")
                .contentType(MediaType.APPLICATION_JSON)
                .body(
                        "{\"name\": \"Agent\", \"languages\": [\"es\"], \"maxOpenConversations\": 5, \"available\": false}")
                .retrieve()
                .toBodilessEntity();
        var reply = json(api.post()
                .uri("/api/v1/conversations/" + conversation + "/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"agentId\": \"files-agent\", \"mediaId\": \"%s\", \"caption\": \"tu foto\"}"
                        .formatted(uploaded.path("mediaId").asString())));

        assertThat(reply.path("messageId").asString()).isNotEmpty();
        assertThat(jdbc.sql("select content::text from message where id = cast(? as uuid)")
                        .param(reply.path("messageId").asString())
                        .query(String.class)
                        .single())
                .contains("\"type\": \"image\"", "tu foto")
                .containsPattern("\"id\": ?\"\\d+\"");
    }

    private static JsonNode json(RestClient.RequestHeadersSpec<?> request) {
        return Fixtures.parse(request.retrieve().body(String.class));
    }
}

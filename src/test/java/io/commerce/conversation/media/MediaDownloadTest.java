package io.commerce.conversation.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.commerce.Api;
import io.commerce.TestClock;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Customers' files from the Cloud API's media endpoints, WireMock standing in for Graph ({@code GET /{media-id}}
 * then the URL, both with the token), on real PostgreSQL and through the real webhook: stored with its checksum
 * and shown in the conversation; an expired URL asked for again; a file over Meta's limit given up with the
 * message kept; a failing download tried again later; erasure deleting the bytes; an agent's file uploaded to
 * WhatsApp and sent by its id; and (the same Graph stand-in) a customer's message marked as read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MediaDownloadTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final WireMockServer GRAPH = startGraph();

    @DynamicPropertySource
    static void liveWhatsAppOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("commerce.messaging.whatsapp.access-token", () -> "test-token");
        registry.add("commerce.messaging.whatsapp.api-base-url", GRAPH::baseUrl);
        registry.add("commerce.messaging.whatsapp.phone-number-id", () -> PHONE_NUMBER_ID);
        registry.add("commerce.messaging.whatsapp.app-secret", () -> "app-secret");
        registry.add("commerce.messaging.whatsapp.request-timeout", () -> "PT10S"); // loaded machines answer slowly
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WhatsAppSecrets secrets;

    @Autowired
    MediaDownloads downloads;

    @Autowired
    MediaFolder folder;

    @Autowired
    TestClock clock;

    String customerId;
    String phone;

    @BeforeEach
    void freshGraphAndCustomer() {
        GRAPH.resetAll();
        // files other test classes left pending are not this class's to download
        jdbc.sql("update media set status = 'FAILED' where status = 'PENDING'").update();
        customerId = uniqueId("c");
        phone = "+346" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "%s", "firstName": "Lucía", "language": "es"}""".formatted(phone))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPhotoSentThroughTheWebhookIsStoredWithItsChecksumAndShownInTheConversation() throws Exception {
        var bytes = "a photo of a receipt".getBytes(StandardCharsets.UTF_8);
        var mediaId = metaMedia("image/jpeg", bytes, metaSha256(bytes));

        var ours = customerSends("image", mediaId, "image/jpeg", "mi recibo");
        assertThat(downloads.runDue()).isEqualTo(1);

        assertThat(row(ours)).isEqualTo("STORED");
        assertThat(Files.readAllBytes(folder.path(ours))).isEqualTo(bytes);
        assertThat(jdbc.sql("select sha256 from media where id = ?")
                        .param(ours)
                        .query(String.class)
                        .single())
                .isEqualTo(java.util.HexFormat.of().formatHex(sha(bytes)));
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/v24.0/" + mediaId))
                .withHeader("Authorization", equalTo("Bearer test-token")));
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/files/" + mediaId))
                .withHeader("Authorization", equalTo("Bearer test-token")));
        assertThat(Api.get(mvc, "/api/v1/media/" + ours))
                .hasStatusOk()
                .hasContentType("image/jpeg")
                .body()
                .isEqualTo(bytes);
        assertThat(Api.get(mvc, "/api/v1/conversations/" + conversation()))
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body)
                            .extractingPath("$.messages[0].media.mediaId")
                            .isEqualTo(ours);
                    assertThat(body)
                            .extractingPath("$.messages[0].media.mimeType")
                            .isEqualTo("image/jpeg");
                    assertThat(body).extractingPath("$.messages[0].media.size").isEqualTo(bytes.length);
                    assertThat(body)
                            .extractingPath("$.messages[0].media.caption")
                            .isEqualTo("mi recibo");
                });
    }

    @Test
    void aCustomersMessageIsMarkedAsReadAtMetaOnceTaken() {
        customerSends("text", null, null, "hola");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> GRAPH.verify(postRequestedFor(urlPathEqualTo("/v24.0/" + PHONE_NUMBER_ID + "/messages"))
                                .withHeader("Authorization", equalTo("Bearer test-token"))
                                .withRequestBody(matchingJsonPath("$.status", equalTo("read")))
                                .withRequestBody(matchingJsonPath("$.message_id", matching("wamid\\.IN.+")))));
    }

    @Test
    void anExpiredUrlIsAskedForAgainAndTheFileStored() {
        var bytes = "a PDF invoice".getBytes(StandardCharsets.UTF_8);
        var mediaId = "m" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.stubFor(get(urlPathEqualTo("/v24.0/" + mediaId))
                .inScenario(mediaId)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(urlAnswer(mediaId, "/expired/" + mediaId, "application/pdf", bytes, null)))
                .willSetStateTo("asked"));
        GRAPH.stubFor(get(urlPathEqualTo("/v24.0/" + mediaId))
                .inScenario(mediaId)
                .whenScenarioStateIs("asked")
                .willReturn(okJson(urlAnswer(mediaId, "/files/" + mediaId, "application/pdf", bytes, null))));
        GRAPH.stubFor(get(urlPathEqualTo("/expired/" + mediaId))
                .willReturn(aResponse().withStatus(404)));
        GRAPH.stubFor(get(urlPathEqualTo("/files/" + mediaId))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withBody(bytes)));

        var ours = customerSends("document", mediaId, "application/pdf", null);
        downloads.runDue();

        assertThat(row(ours)).isEqualTo("STORED");
        GRAPH.verify(2, getRequestedFor(urlPathEqualTo("/v24.0/" + mediaId)));
        assertThat(Api.get(mvc, "/api/v1/media/" + ours)).hasStatusOk().body().isEqualTo(bytes);
    }

    @Test
    void aFileOverMetasLimitIsNotKeptButTheMessageIs() {
        var announcedTooLarge = "m" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.stubFor(get(urlPathEqualTo("/v24.0/" + announcedTooLarge)).willReturn(okJson("""
                        {"messaging_product": "whatsapp", "url": "%s/files/%s", "mime_type": "image/jpeg",
                         "sha256": "x", "file_size": %d, "id": "%s"}""".formatted(
                        GRAPH.baseUrl(), announcedTooLarge, 6 * 1024 * 1024, announcedTooLarge))));
        // a sticker (500 KB at most) whose size Meta did not announce: counted while it streams
        var sticker = new byte[600 * 1024];
        var unannounced = metaMedia("image/webp", sticker, null);

        var tooLarge = customerSends("image", announcedTooLarge, "image/jpeg", "big photo");
        var tooLargeSticker = customerSends("sticker", unannounced, "image/webp", null);
        downloads.runDue();

        assertThat(row(tooLarge)).isEqualTo("FAILED");
        assertThat(row(tooLargeSticker)).isEqualTo("FAILED");
        GRAPH.verify(0, getRequestedFor(urlPathEqualTo("/files/" + announcedTooLarge)));
        assertThat(folder.exists(tooLarge)).isFalse();
        assertThat(folder.exists(tooLargeSticker)).isFalse();
        assertThat(Api.get(mvc, "/api/v1/media/" + tooLarge))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("MEDIA_NOT_FOUND");
        assertThat(Api.get(mvc, "/api/v1/conversations/" + conversation()))
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.messages[0].text").isEqualTo("big photo");
                    assertThat(body).extractingPath("$.messages[0].media.size").isEqualTo(6 * 1024 * 1024);
                });
    }

    @Test
    void aFailingDownloadIsTriedAgainLaterWithoutBlockingTheWebhook() {
        var bytes = "a voice note".getBytes(StandardCharsets.UTF_8);
        var mediaId = "m" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.stubFor(get(urlPathEqualTo("/v24.0/" + mediaId))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"code\": 2}}")));

        var ours = customerSends("audio", mediaId, "audio/ogg; codecs=opus", null);
        downloads.runDue();

        assertThat(row(ours)).isEqualTo("PENDING");
        assertThat(Api.get(mvc, "/api/v1/media/" + ours))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("MEDIA_NOT_READY");
        metaMedia(mediaId, "audio/ogg", bytes, metaSha256(bytes));
        downloads.runDue();
        assertThat(row(ours)).as("not due before its backoff").isEqualTo("PENDING");

        clock.advance(Duration.ofSeconds(31));
        downloads.runDue();

        assertThat(row(ours)).isEqualTo("STORED");
        assertThat(jdbc.sql("select attempts from media where id = ?")
                        .param(ours)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anUnknownMediaIdIsGivenUpAtOnce() {
        var mediaId = "m" + UUID.randomUUID().toString().replace("-", "");
        GRAPH.stubFor(get(urlPathEqualTo("/v24.0/" + mediaId))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"message": "Unsupported get request. Object with ID '%s' does not exist",
                                 "type": "GraphMethodException", "code": 100, "fbtrace_id": "x"}}""".formatted(mediaId))));
        var ours = customerSends("image", mediaId, "image/png", null);
        downloads.runDue();

        assertThat(row(ours))
                .as(() -> jdbc.sql("select failure from media where id = ?")
                        .param(ours)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");
    }

    @Test
    void erasingTheCustomerDeletesTheirFiles() {
        var bytes = "an ID card".getBytes(StandardCharsets.UTF_8);
        var ours = customerSends("image", metaMedia("image/png", bytes, metaSha256(bytes)), "image/png", null);
        downloads.runDue();
        assertThat(folder.exists(ours)).isTrue();

        assertThat(mvc.delete().uri("/api/v1/customers/" + customerId).header("X-Api-Key", Api.KEY))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(folder.exists(ours)).isFalse();
        assertThat(jdbc.sql("select count(*) from media where id = ?")
                        .param(ours)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(Api.get(mvc, "/api/v1/media/" + ours)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAgentsFileIsUploadedToWhatsAppOnceAndSentByItsId() throws Exception {
        GRAPH.stubFor(post(urlPathEqualTo("/v24.0/" + PHONE_NUMBER_ID + "/media"))
                .willReturn(okJson("{\"id\": \"meta-upload-1\"}")));
        var agent = uniqueId("a");
        json(mvc, HttpMethod.PUT, "/api/v1/agents/" + agent, """
                {"name": "Agent", "languages": ["es"], "maxOpenConversations": 5, "available": false}""").assertThat().hasStatus2xxSuccessful();
        var bytes = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
        var upload = mvc.post()
                .uri("/api/v1/media")
                .multipart()
                .file(new MockMultipartFile("file", "factura.pdf", "application/pdf", bytes))
                .header("X-Api-Key", Api.KEY)
                .exchange();
        assertThat(upload).hasStatus(HttpStatus.CREATED);
        var mediaId = com.jayway.jsonpath.JsonPath.read(
                        upload.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.mediaId")
                .toString();
        customerSends("text", null, null, "hola");
        var conversation = conversation();

        for (var caption : new String[] {"tu factura", "otra vez"}) {
            assertThat(json(
                            mvc,
                            HttpMethod.POST,
                            "/api/v1/conversations/%s/messages".formatted(conversation),
                            """
                            {"agentId": "%s", "mediaId": "%s", "caption": "%s"}""".formatted(agent, mediaId, caption)))
                    .hasStatus(HttpStatus.CREATED);
        }

        GRAPH.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v24.0/" + PHONE_NUMBER_ID + "/media"))
                        .withHeader("Authorization", equalTo("Bearer test-token")));
        var sent = jdbc.sql("select content::text from message where customer_id = ? and origin = 'conversation/agent'")
                .param(customerId)
                .query(String.class)
                .list();
        assertThat(sent).hasSize(2).allSatisfy(content -> assertThat(content).contains("meta-upload-1", "factura.pdf"));
    }

    /** A signed webhook from the customer with one message; returns our media id of its file (null for text). */
    private String customerSends(String type, String mediaId, String mimeType, String caption) {
        var waId = phone.substring(1);
        var content = mediaId == null
                ? "\"text\": {\"body\": \"%s\"}".formatted(caption)
                : "\"%s\": {%s\"mime_type\": \"%s\", \"sha256\": \"ignored-by-the-reader\", \"id\": \"%s\"}"
                        .formatted(
                                type, caption == null ? "" : "\"caption\": \"" + caption + "\", ", mimeType, mediaId);
        var wamid = "wamid.IN" + UUID.randomUUID();
        var body = """
                {"object": "whatsapp_business_account", "entry": [{"id": "waba", "changes": [{"field": "messages",
                 "value": {"messaging_product": "whatsapp",
                           "metadata": {"display_phone_number": "15550000000", "phone_number_id": "%s"},
                           "contacts": [{"profile": {"name": "Lucía"}, "wa_id": "%s"}],
                           "messages": [{"from": "%s", "id": "%s", "timestamp": "%d", "type": "%s", %s}]}}]}]}""".formatted(
                        PHONE_NUMBER_ID, waId, waId, wamid, clock.instant().getEpochSecond(), type, content)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post()
                        .uri("/webhooks/whatsapp")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature-256", Signatures.hubSignature(secrets.appSecret(), body))
                        .content(body))
                .hasStatusOk();
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("""
                                        select coalesce(l.media_id, '') from conversation_message l
                                          join inbound_message i on i.id = l.inbound_id
                                         where i.provider_message_id = ?
                                        """).param(wamid).query(String.class).optional(), java.util.Optional::isPresent)
                .map(id -> id.isEmpty() ? null : id)
                .orElse(null);
    }

    private String conversation() {
        return jdbc.sql("select id::text from conversation where phone = ? and status <> 'RESOLVED'")
                .param(phone)
                .query(String.class)
                .single();
    }

    private String row(String mediaId) {
        return jdbc.sql("select status from media where id = ?")
                .param(mediaId)
                .query(String.class)
                .single();
    }

    /** Graph knows a new media id: its URL answers the bytes. */
    private static String metaMedia(String mimeType, byte[] bytes, String sha256) {
        var mediaId = "m" + UUID.randomUUID().toString().replace("-", "");
        metaMedia(mediaId, mimeType, bytes, sha256);
        return mediaId;
    }

    private static void metaMedia(String mediaId, String mimeType, byte[] bytes, String sha256) {
        GRAPH.stubFor(get(urlPathEqualTo("/v24.0/" + mediaId))
                .withQueryParam("phone_number_id", equalTo(PHONE_NUMBER_ID))
                .willReturn(okJson(urlAnswer(mediaId, "/files/" + mediaId, mimeType, bytes, sha256))));
        GRAPH.stubFor(get(urlPathEqualTo("/files/" + mediaId))
                .willReturn(aResponse().withHeader("Content-Type", mimeType).withBody(bytes)));
    }

    /** Graph's answer to {@code GET /{media-id}}; {@code file_size} left out when the bytes are to be counted. */
    private static String urlAnswer(String mediaId, String path, String mimeType, byte[] bytes, String sha256) {
        return """
                {"messaging_product": "whatsapp", "url": "%s%s", "mime_type": "%s", %s %s "id": "%s"}""".formatted(
                        GRAPH.baseUrl(),
                        path,
                        mimeType,
                        sha256 == null ? "" : "\"sha256\": \"" + sha256 + "\",",
                        bytes.length > 500 * 1024 ? "" : "\"file_size\": " + bytes.length + ",",
                        mediaId);
    }

    private static String metaSha256(byte[] bytes) {
        return Base64.getEncoder().encodeToString(sha(bytes));
    }

    private static byte[] sha(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer startGraph() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}

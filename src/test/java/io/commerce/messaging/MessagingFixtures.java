package io.commerce.messaging;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;

import io.commerce.Fixtures;
import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.customer.CustomerDetails;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Customers with unique numbers, and Meta's fixtures posted as signed webhooks. */
public final class MessagingFixtures {

    /** The number in Meta's examples; tests swap it for a customer's own. */
    public static final String FIXTURE_WA_ID = "16505551234";

    private MessagingFixtures() {}

    /**
     * Other test classes leave queued messages behind: park them (all but {@code kept}) so a dispatch sees only this
     * test's messages, and start with a full token bucket.
     */
    public static void parkOtherTestsMessages(JdbcClient jdbc, UUID... kept) {
        jdbc.sql(
                        "update message set next_attempt_at = 'infinity' where status = 'QUEUED' and not id = any(cast(:kept as uuid[]))")
                .param("kept", kept)
                .update();
        jdbc.sql("delete from channel_pace").update();
    }

    /** A valid Spanish mobile number nobody else in the test run has. */
    public static String uniquePhone() {
        return "+346" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A new customer in {@code zone} with a unique number and WhatsApp consent for {@code purposes}; its id. */
    public static String customerWithWhatsAppConsent(
            CustomerService customers, ConsentService consents, String zone, Purpose... purposes) {
        var id = uniqueId("c");
        customers.upsert(
                id, new CustomerDetails(uniquePhone(), "Ana", null, null, "en", zone, null, List.of(), Map.of()));
        for (var purpose : purposes) {
            consents.record(id, Channel.WHATSAPP, purpose, new ConsentChange(ConsentStatus.GRANTED, "test", null));
        }
        return id;
    }

    public static void customer(MockMvcTester mvc, String customerId, String phone, String language) {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "%s", "firstName": "Sara", "language": "%s"}""".formatted(phone, language))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    public static void consent(MockMvcTester mvc, String customerId, String channel, String purpose, String status) {
        json(
                        mvc,
                        HttpMethod.PUT,
                        "/api/v1/customers/%s/consents/%s/%s".formatted(customerId, channel, purpose),
                        """
                {"status": "%s", "source": "test"}""".formatted(status))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** A fixture with Meta's example number replaced by {@code phone} and ids made unique. */
    public static String fixture(String name, String phone, String suffix) {
        return Fixtures.text(name).replace(FIXTURE_WA_ID, phone.substring(1)).replace("\"wamid.", "\"wamid." + suffix);
    }

    public static MvcTestResult postWhatsApp(MockMvcTester mvc, WhatsAppSecrets secrets, String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        return mvc.post()
                .uri("/webhooks/whatsapp")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", Signatures.hubSignature(secrets.appSecret(), bytes))
                .content(bytes)
                .exchange();
    }
}

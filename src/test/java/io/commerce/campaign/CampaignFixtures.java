package io.commerce.campaign;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;

import io.commerce.messaging.MessagingFixtures;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Customers a campaign test reaches: mirrored through the API, with marketing consent, and what they spent. */
final class CampaignFixtures {

    private CampaignFixtures() {}

    /** Ana, in Spanish, of {@code tag}, with WhatsApp marketing consent; her id. */
    static String customer(MockMvcTester mvc, String tag) {
        return customer(mvc, tag, "es", "Europe/Madrid", "whatsapp");
    }

    /** Ana, in {@code language} and {@code timezone}, of {@code tag}, with marketing consent on {@code channel}. */
    static String customer(MockMvcTester mvc, String tag, String language, String timezone, String channel) {
        var customerId = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                        {"phone": "%s", "firstName": "Ana", "language": "%s", "timezone": "%s", "tags": ["%s"]}""".formatted(
                                MessagingFixtures.uniquePhone(), language, timezone, tag))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId + "/consents/" + channel + "/marketing", """
                        {"status": "granted", "source": "test"}""")
                .assertThat()
                .hasStatus2xxSuccessful();
        return customerId;
    }

    /** Records that the customer spent {@code amount} at {@code at}, as a delivered order's credit does. */
    static void spent(JdbcClient jdbc, String customerId, String amount, Instant at) {
        jdbc.sql("""
                        insert into loyalty_entry (customer_id, kind, points, available_at, spend, spend_at, reference,
                                                   created_at)
                        values (:id, 'ORDER', 1, :at, cast(:spend as numeric), :at, :ref, :at)
                        """)
                .param("id", customerId)
                .param("at", Timestamp.from(at))
                .param("spend", amount)
                .param("ref", uniqueId("o"))
                .update();
    }
}

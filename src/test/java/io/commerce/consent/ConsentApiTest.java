package io.commerce.consent;

import static io.commerce.Api.customer;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commerce.IntegrationTest;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ConsentApiTest {

    private static final String GRANT = """
            {"status": "granted", "source": "checkout-checkbox", "evidence": "Yes, send me offers on WhatsApp"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsentService consents;

    String customerId;

    @BeforeEach
    void registerCustomer() {
        customerId = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, customer("+34612345678"))
                .exchange();
    }

    @Test
    void grantIsRecordedWithEvidenceAndPublished() {
        var result = json(mvc, HttpMethod.PUT, consentPath("whatsapp", "marketing"), GRANT);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("granted");
        assertThat(events.stream(ConsentGranted.class)).singleElement().satisfies(event -> {
            assertThat(event.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(event.purpose()).isEqualTo(Purpose.MARKETING);
            assertThat(event.source()).isEqualTo("checkout-checkbox");
        });
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isTrue();
        assertThat(consents.isGranted(customerId, Channel.SMS, Purpose.MARKETING))
                .isFalse();
    }

    @Test
    void repeatingTheSameGrantChangesNothing() {
        json(mvc, HttpMethod.PUT, consentPath("whatsapp", "marketing"), GRANT).exchange();

        assertThat(json(mvc, HttpMethod.PUT, consentPath("whatsapp", "marketing"), GRANT))
                .hasStatus(HttpStatus.OK);

        assertThat(events.stream(ConsentGranted.class)).hasSize(1);
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/consents"))
                .bodyJson()
                .extractingPath("$.history")
                .asArray()
                .hasSize(1);
    }

    @Test
    void withdrawalKeepsFullHistoryOldestFirst() {
        json(mvc, HttpMethod.PUT, consentPath("sms", "marketing"), GRANT).exchange();
        json(mvc, HttpMethod.PUT, consentPath("sms", "marketing"), """
                {"status": "withdrawn", "source": "account-settings"}""").exchange();

        var result = get(mvc, "/api/v1/customers/" + customerId + "/consents");

        assertThat(result).bodyJson().extractingPath("$.current[0].status").isEqualTo("withdrawn");
        assertThat(result).bodyJson().extractingPath("$.history[0].status").isEqualTo("granted");
        assertThat(result).bodyJson().extractingPath("$.history[1].status").isEqualTo("withdrawn");
        assertThat(result).bodyJson().extractingPath("$.history[1].source").isEqualTo("account-settings");
        assertThat(events.stream(ConsentWithdrawn.class))
                .singleElement()
                .extracting(ConsentWithdrawn::channel)
                .isEqualTo(Channel.SMS);
        assertThat(consents.isGranted(customerId, Channel.SMS, Purpose.MARKETING))
                .isFalse();
    }

    @Test
    void newEvidenceForTheSameStatusIsKeptButNotPublishedAgain() {
        json(mvc, HttpMethod.PUT, consentPath("sms", "transactional"), GRANT).exchange();
        json(mvc, HttpMethod.PUT, consentPath("sms", "transactional"), """
                {"status": "granted", "source": "reconfirmation-email", "evidence": "Keep me posted"}""").exchange();

        assertThat(events.stream(ConsentGranted.class)).hasSize(1);
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/consents"))
                .bodyJson()
                .extractingPath("$.history")
                .asArray()
                .hasSize(2);
    }

    @Test
    void theLedgerRefusesRewrites() {
        json(mvc, HttpMethod.PUT, consentPath("whatsapp", "marketing"), GRANT).exchange();

        assertThatThrownBy(() -> jdbc.sql("update consent_change set status = 'WITHDRAWN' where customer_id = ?")
                        .param(customerId)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from consent_change where customer_id = ?")
                        .param(customerId)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void noConsentRecordedMeansNotGranted() {
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.TRANSACTIONAL))
                .isFalse();
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/consents"))
                .bodyJson()
                .extractingPath("$.current")
                .asArray()
                .isEmpty();
    }

    @Test
    void refusesUnknownChannelStatusAndCustomer() {
        assertThat(json(mvc, HttpMethod.PUT, consentPath("telegram", "marketing"), GRANT))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
        assertThat(json(mvc, HttpMethod.PUT, consentPath("sms", "marketing"), """
                {"status": "maybe", "source": "x"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("status");
        assertThat(json(mvc, HttpMethod.PUT, consentPath("sms", "marketing"), "{\"status\": \"granted\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("source");
        assertThat(json(
                        mvc,
                        HttpMethod.PUT,
                        "/api/v1/customers/" + uniqueId("nobody") + "/consents/sms/marketing",
                        GRANT))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CUSTOMER_NOT_FOUND");
    }

    private String consentPath(String channel, String purpose) {
        return "/api/v1/customers/%s/consents/%s/%s".formatted(customerId, channel, purpose);
    }
}

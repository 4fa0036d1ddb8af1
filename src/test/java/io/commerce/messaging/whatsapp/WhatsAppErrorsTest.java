package io.commerce.messaging.whatsapp;

import static io.commerce.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.messaging.channel.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhatsAppErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "130429, RETRY",
        "131000, RETRY",
        "131016, RETRY",
        "131057, RETRY",
        "133004, RETRY",
        "1, RETRY",
        "2, RETRY",
        "4, RETRY",
        "80007, RETRY",
        "131056, PAIR_RATE_LIMIT",
        "131049, RETRY_AFTER_24H",
        "131026, UNDELIVERABLE",
        "131050, OPTED_OUT",
        "190, CREDENTIALS",
        "0, CREDENTIALS",
        "131047, FINAL",
        "132000, FINAL",
        "132001, FINAL",
        "132015, FINAL",
        "100, FINAL",
        "131053, FINAL",
        "368, FINAL"
    })
    void classifiesByMetasCode(int code, FailureKind kind) {
        assertThat(WhatsAppErrors.classify(code)).isEqualTo(kind);
    }

    @Test
    void fixturesCarryTheCodesWeClassify() {
        assertThat(WhatsAppErrors.classify(json("error_response_130429.json")
                        .path("error")
                        .path("code")
                        .asInt()))
                .isEqualTo(FailureKind.RETRY);
        assertThat(WhatsAppErrors.classify(json("error_response_100_marketing_messages_api.json")
                        .path("error")
                        .path("code")
                        .asInt()))
                .isEqualTo(FailureKind.FINAL);
        assertThat(WhatsAppErrors.classify(
                        json("error_object_190_expired_token.json").path("code").asInt()))
                .isEqualTo(FailureKind.CREDENTIALS);
        assertThat(WhatsAppErrors.classify(json("error_object_131047_webhook_shape.json")
                        .path("code")
                        .asInt()))
                .isEqualTo(FailureKind.FINAL);
        assertThat(WhatsAppErrors.classify(json("error_object_131053_media_upload.json")
                        .path("code")
                        .asInt()))
                .isEqualTo(FailureKind.FINAL);
    }
}

package io.commerce.messaging.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class SandboxAccessTest {

    private static final String SEND = """
            {"messaging_product": "whatsapp", "to": "+34612345678", "type": "text", "text": {"body": "hi"}}""";

    @Autowired
    MockMvcTester mvc;

    @Test
    void theCloudApiStandInAnswersOnlyLocalCallersWithTheSandboxToken() {
        assertThat(post("127.0.0.1", "Bearer sandbox"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.messages[0].id")
                .asString()
                .startsWith("wamid.SANDBOX");
        assertThat(post("203.0.113.7", "Bearer sandbox"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.error.code")
                .isEqualTo(190);
        assertThat(post("127.0.0.1", "Bearer guess")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(
            String remoteAddress, String authorization) {
        return mvc.post()
                .uri("/sandbox/whatsapp/v24.0/sandbox-number/messages")
                .with(request -> {
                    request.setRemoteAddr(remoteAddress);
                    return request;
                })
                .header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .content(SEND)
                .exchange();
    }
}

package io.commerce.messaging.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void twilioSignatureMatchesTwiliosPublishedExample() {
        var params = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+12349013030",
                "Digits", "1234",
                "From", "+12349013030",
                "To", "+18005551212");
        var url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        assertThat(Signatures.twilioSignature("12345", url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(Signatures.twilioSignatureMatches("12345", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
                .isTrue();
        assertThat(Signatures.twilioSignatureMatches("12346", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
                .isFalse();
    }

    @Test
    void hubSignatureIsHexHmacSha256OfTheRawBody() {
        var body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        var header = Signatures.hubSignature("secret", body);

        assertThat(header).startsWith("sha256=").hasSize(7 + 64);
        assertThat(Signatures.hubSignatureMatches("secret", body, header)).isTrue();
        assertThat(Signatures.hubSignatureMatches("other", body, header)).isFalse();
        assertThat(Signatures.hubSignatureMatches("secret", "{}".getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
        assertThat(Signatures.hubSignatureMatches("secret", body, null)).isFalse();
        assertThat(Signatures.hubSignatureMatches(null, body, header)).isFalse();
    }
}

package io.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A customer answering through the real webhooks: Meta's fixtures (a template quick reply, a reply button,
 * a list row, a text) posted signed from the customer's number, answering our message by its provider id,
 * stamped with the application's clock; SMS posted as Twilio signs it.
 */
public final class CustomerReplies {

    private static final String FIXTURE_WA_ID = "16505551234";

    private final MockMvcTester mvc;
    private final WhatsAppSecrets whatsAppSecrets;
    private final SmsSecrets smsSecrets;
    private final TestClock clock;
    private final String phone;

    public CustomerReplies(
            MockMvcTester mvc, WhatsAppSecrets whatsAppSecrets, SmsSecrets smsSecrets, TestClock clock, String phone) {
        this.mvc = mvc;
        this.whatsAppSecrets = whatsAppSecrets;
        this.smsSecrets = smsSecrets;
        this.clock = clock;
        this.phone = phone;
    }

    /** Taps a quick-reply button of one of our templates ({@code type: button}). */
    public void tapTemplateButton(String ourWamid, String payload, String title) {
        whatsApp(message("webhook_message_template_quick_reply_button.json", ourWamid)
                .replace("\"payload\": \"Unsubscribe\"", "\"payload\": \"" + payload + "\"")
                .replace("\"text\": \"Unsubscribe\"", "\"text\": \"" + title + "\""));
    }

    /** Taps a reply button of an interactive message ({@code button_reply}). */
    public void tapButton(String ourWamid, String id, String title) {
        whatsApp(message("webhook_message_button_reply.json", ourWamid)
                .replace("\"id\": \"cancel-button\"", "\"id\": \"" + id + "\"")
                .replace("\"title\": \"Cancel\"", "\"title\": \"" + title + "\""));
    }

    /** Picks a row of a list message ({@code list_reply}). */
    public void chooseRow(String ourWamid, String id, String title) {
        whatsApp(message("webhook_message_list_reply.json", ourWamid)
                .replace("\"id\": \"priority_express\"", "\"id\": \"" + id + "\"")
                .replace("\"title\": \"Priority Mail Express\"", "\"title\": \"" + title + "\""));
    }

    /** Types words on WhatsApp, answering nothing in particular (no context). */
    public void writeOnWhatsApp(String text) {
        whatsApp(message("webhook_message_text.json", null)
                .replace("\"body\": \"Does it come in another color?\"", "\"body\": \"" + escape(text) + "\""));
    }

    public void textBySms(String text) {
        var params = new LinkedHashMap<String, String>();
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("From", phone);
        params.put("To", "+15550000000");
        params.put("Body", text);
        var path = "/webhooks/sms/inbound";
        var request = mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(
                        "X-Twilio-Signature",
                        Signatures.twilioSignature(
                                smsSecrets.authToken(), "http://localhost" + path, Map.copyOf(params)));
        params.forEach(request::param);
        assertThat(request.exchange()).hasStatusOk();
    }

    /** A fixture from this customer's number, with a fresh id, answering {@code ourWamid} (when given), sent now. */
    private String message(String fixture, String ourWamid) {
        var body = Fixtures.text(fixture)
                .replace(FIXTURE_WA_ID, phone.substring(1))
                .replaceAll("\"context\": \\{[^}]*\\}", "\"context\": {\"from\": \"15550783881\", \"id\": \"OURS\"}")
                .replaceAll("\"id\": \"wamid\\.[^\"]*\"", "\"id\": \"wamid.IN" + UUID.randomUUID() + "\"")
                .replaceAll(
                        "\"timestamp\": \"\\d+\"",
                        "\"timestamp\": \"" + clock.instant().getEpochSecond() + "\"");
        return ourWamid == null ? body : body.replace("\"id\": \"OURS\"", "\"id\": \"" + ourWamid + "\"");
    }

    private void whatsApp(String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post()
                        .uri("/webhooks/whatsapp")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature-256", Signatures.hubSignature(whatsAppSecrets.appSecret(), bytes))
                        .content(bytes)
                        .exchange())
                .hasStatusOk();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

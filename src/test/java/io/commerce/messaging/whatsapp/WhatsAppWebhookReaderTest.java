package io.commerce.messaging.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.Fixtures;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class WhatsAppWebhookReaderTest {

    @Test
    void aDocumentIsReadWithItsMediaIdTypeFilenameHashAndCaption() {
        var message = onlyMessage("webhook_message_document.json");

        assertThat(message.type()).isEqualTo("document");
        assertThat(message.text()).isEqualTo("my receipt");
        assertThat(message.mediaId()).isEqualTo("622684793477189");
        assertThat(message.mimeType()).isEqualTo("application/pdf");
        assertThat(message.filename()).isEqualTo("receipt.pdf");
        assertThat(message.sha256()).isEqualTo("V5OPpLD/gEG6Xjg0MbmQDLFgcKsL+j5LfY4ny/pZ4MY=");
    }

    @Test
    void anImageHasNoFilename() {
        var message = onlyMessage("webhook_message_image.json");

        assertThat(message.text()).isEqualTo("Taj Mahal");
        assertThat(message.mediaId()).isEqualTo("1003383421387256");
        assertThat(message.mimeType()).isEqualTo("image/jpeg");
        assertThat(message.sha256()).isEqualTo("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=");
        assertThat(message.filename()).isNull();
    }

    @Test
    void aVoiceMessageIsMediaToo() {
        var message = onlyMessage("webhook_message_audio_voice.json");

        assertThat(message.type()).isEqualTo("audio");
        assertThat(message.mediaId()).isNotNull();
        assertThat(message.mimeType()).startsWith("audio/");
    }

    @Test
    void aTextHasNoMedia() {
        var message = onlyMessage("webhook_message_text.json");

        assertThat(message.mediaId()).isNull();
        assertThat(message.mimeType()).isNull();
        assertThat(message.filename()).isNull();
        assertThat(message.sha256()).isNull();
    }

    private static WhatsAppWebhookReader.Message onlyMessage(String fixture) {
        var messages = new ArrayList<WhatsAppWebhookReader.Message>();
        WhatsAppWebhookReader.read(Fixtures.json(fixture), status -> {}, messages::add, preference -> {}, error -> {});
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }
}

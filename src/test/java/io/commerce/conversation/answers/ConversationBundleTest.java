package io.commerce.conversation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.order.OrderStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** The {@code answers.} keys of the bundle {@code i18n/conversation}: complete, and within WhatsApp's limits. */
class ConversationBundleTest {

    /** Every word of a language: English is the base file, the fallback of every other language. */
    private static Map<String, String> words(String language) throws IOException {
        return answers(language.equals("en") ? "conversation.properties" : "conversation_" + language + ".properties");
    }

    private static Map<String, String> answers(String file) throws IOException {
        var properties = new Properties();
        try (var reader =
                new InputStreamReader(new ClassPathResource("i18n/" + file).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        var answers = new TreeMap<String, String>();
        properties.stringPropertyNames().stream().forEach(key -> answers.put(key, properties.getProperty(key)));
        return answers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "nl"})
    void everyLanguageHasEveryKey(String language) throws IOException {
        assertThat(words(language).keySet()).isEqualTo(words("en").keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "nl"})
    void everyOrderStatusIsNamed(String language) throws IOException {
        var words = words(language);
        for (var status : OrderStatus.values()) {
            assertThat(words)
                    .containsKey("answers.order.status." + status.name().toLowerCase(Locale.ROOT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "nl"})
    void listTitlesFitWhatsAppsLimits(String language) throws IOException {
        var words = words(language);
        words.forEach((key, text) -> {
            if (key.endsWith(".button")) {
                assertThat(text).as(key).hasSizeLessThanOrEqualTo(20);
            } else if (key.endsWith(".title") || key.equals("answers.menu.section")) {
                assertThat(text).as(key).hasSizeLessThanOrEqualTo(24);
            } else if (key.endsWith(".description")) {
                assertThat(text).as(key).hasSizeLessThanOrEqualTo(72);
            } else {
                assertThat(text).as(key).hasSizeLessThanOrEqualTo(1024);
            }
        });
    }
}

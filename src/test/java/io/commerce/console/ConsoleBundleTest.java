package io.commerce.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.consent.ConsentStatus;
import io.commerce.console.people.Role;
import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationStatus;
import io.commerce.messaging.MessageStatus;
import io.commerce.order.OrderStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every word the console's pages ask for is in English, and Spanish and Dutch say all of them. */
class ConsoleBundleTest {

    private static final Pattern KEY_IN_PAGE = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

    @ParameterizedTest
    @ValueSource(strings = {"console_es", "console_nl"})
    void everyLanguageHasEveryKey(String bundle) throws IOException {
        assertThat(load(bundle).stringPropertyNames()).isEqualTo(load("console").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"console", "console_es", "console_nl"})
    void everyKeyThePagesNameIsThere(String bundle) throws IOException {
        var keys = load(bundle).stringPropertyNames();
        assertThat(keysInPages())
                .isNotEmpty()
                .allSatisfy(key -> assertThat(keys).contains(key));
    }

    /** The keys pages build from a value ({@code #{'status.' + ...}}): one for every value of its enumeration. */
    @ParameterizedTest
    @ValueSource(strings = {"console", "console_es", "console_nl"})
    void everyValueShownByNameHasItsWords(String bundle) throws IOException {
        var keys = load(bundle).stringPropertyNames();
        var expected = new HashSet<String>();
        named(expected, "status.", ConversationStatus.values());
        named(expected, "author.", Author.values());
        named(expected, "delivery.", MessageStatus.values());
        named(expected, "consent.", ConsentStatus.values());
        named(expected, "order.", OrderStatus.values());
        named(expected, "role.", Role.values());
        Stream.of("mine", "unassigned", "all").forEach(view -> expected.add("inbox.view." + view));
        // a customer's timeline: its kinds of entry (TimelineEntry) and its enrollments' statuses
        Stream.of("journey_entered", "journey_ended", "message", "reply", "code_issued", "code_redeemed")
                .forEach(kind -> expected.add("timeline.kind." + kind));
        Stream.of("active", "completed", "converted", "exited")
                .forEach(status -> expected.add("timeline.status." + status));
        assertThat(keys).containsAll(expected);
    }

    private static void named(Set<String> keys, String prefix, Enum<?>[] values) {
        for (var value : values) {
            keys.add(prefix + value.name().toLowerCase(Locale.ROOT));
        }
    }

    private static Set<String> keysInPages() throws IOException {
        var found = new HashSet<String>();
        try (var pages = Files.list(Path.of("src/main/resources/templates/console"))) {
            for (var page : pages.collect(Collectors.toList())) {
                KEY_IN_PAGE.matcher(Files.readString(page)).results().forEach(m -> found.add(m.group(1)));
            }
        }
        return found;
    }

    private static Properties load(String bundle) throws IOException {
        var properties = new Properties();
        try (var in = ConsoleBundleTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

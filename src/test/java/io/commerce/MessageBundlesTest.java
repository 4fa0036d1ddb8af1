package io.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Apostrophes in every bundle as people will read them: Spring formats a message with MessageFormat only when it
 * has arguments, so an apostrophe is doubled ({@code We''re}) in a message with {@code {0}}… and written once
 * in one without (where a doubled one would be shown doubled: "month''s").
 */
class MessageBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    @Test
    void apostrophesAreDoubledOnlyWhereMessageFormatReadsThem() throws IOException {
        var wrong = new ArrayList<String>();
        try (var bundles = Files.newDirectoryStream(Path.of("src/main/resources/i18n"), "*.properties")) {
            for (var bundle : bundles) {
                var messages = new Properties();
                try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    messages.load(in);
                }
                messages.forEach((key, value) -> {
                    var text = (String) value;
                    var formatted = ARGUMENT.matcher(text).find();
                    var doubled = text.contains("''");
                    var single = text.replace("''", "").contains("'");
                    if ((!formatted && doubled) || (formatted && single)) {
                        wrong.add(bundle.getFileName() + ": " + key + "=" + text);
                    }
                });
            }
        }
        assertThat(wrong).isEmpty();
    }
}

package io.commerce.messaging;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The messaging settings as they are with nothing configured, for tests of single collaborators. */
public final class DefaultMessagingProperties {

    private DefaultMessagingProperties() {}

    public static MessagingProperties defaults() {
        return with(Map.of());
    }

    public static MessagingProperties with(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("commerce.messaging", MessagingProperties.class);
    }
}

package io.commerce.messaging.sandbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in simulator ({@code commerce.sandbox.*}).
 *
 * @param statusDelay time between the simulated statuses of a message (sent, delivered, read)
 * @param undeliverableSuffix numbers ending in these digits are "not on WhatsApp": their messages fail with
 *     131026, which shows the SMS fallback
 */
@Validated
@ConfigurationProperties("commerce.sandbox")
public record SandboxProperties(
        @NotNull @DefaultValue("PT1S") Duration statusDelay,
        @NotNull @DefaultValue("0000") String undeliverableSuffix) {}

package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import io.commerce.shared.Channel;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The back-in-stock journey ({@code commerce.journey.back-in-stock.*}).
 *
 * @param enabled whether restocks alert their subscribers
 * @param preferredChannel the channel tried first when a subscription names none (the other is the fallback)
 * @param delay time between the restock and the alert (stock is checked again when it is due)
 */
@Validated
@ConfigurationProperties("commerce.journey.back-in-stock")
record BackInStockProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("SMS") Channel preferredChannel,
        @NotNull @DefaultValue("PT0S") Duration delay)
        implements JourneySettings {}

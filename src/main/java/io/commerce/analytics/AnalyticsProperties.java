package io.commerce.analytics;

import io.commerce.shared.Channel;
import io.commerce.shared.CurrencyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Measurement settings ({@code commerce.analytics.*}).
 *
 * @param currency the currency reports are in: revenue of orders in it, costs from rate card rows in it
 * @param attribution per channel, how long after a click and after a delivery or read an order still counts
 *     for the message
 * @param rollUpEvery how often the roller folds new figures into the hourly roll-ups
 */
@Validated
@ConfigurationProperties("commerce.analytics")
public record AnalyticsProperties(
        @NotNull @CurrencyCode @DefaultValue("EUR") String currency,

        @NotNull @Valid Map<Channel, Windows> attribution,
        @NotNull @DefaultValue("PT5S") Duration rollUpEvery) {

    public AnalyticsProperties {
        attribution = attribution == null ? Map.of() : Map.copyOf(attribution);
    }

    /**
     * @param click an order placed within this time after a click on the message's link is attributed to it
     * @param view else, within this time after the message was delivered or read
     */
    public record Windows(
            @NotNull @DefaultValue("P5D") Duration click,
            @NotNull @DefaultValue("PT24H") Duration view) {}

    Windows windows(Channel channel) {
        return attribution.getOrDefault(channel, new Windows(Duration.ofDays(5), Duration.ofHours(24)));
    }
}

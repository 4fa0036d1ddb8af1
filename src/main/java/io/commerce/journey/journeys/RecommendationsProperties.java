package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The recommendations journey ({@code commerce.journey.recommendations.*}).
 *
 * @param enabled whether delivered orders are followed by recommendations
 * @param afterDelivery how long after delivery the recommendation is sent
 * @param max how many products one recommendation names at most
 */
@Validated
@ConfigurationProperties("commerce.journey.recommendations")
record RecommendationsProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("P5D") Duration afterDelivery,
        @Min(1) @Max(10) @DefaultValue("3") int max)
        implements JourneySettings {}

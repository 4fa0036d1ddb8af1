package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The replenishment journey ({@code commerce.journey.replenishment.*}).
 *
 * @param enabled whether delivered products with {@code replenishAfterDays} get a reorder reminder
 * @param leadTime how long before the product is expected to run out the reminder goes
 * @param conversionWindow how long after the reminder a reorder counts as its conversion
 */
@Validated
@ConfigurationProperties("commerce.journey.replenishment")
record ReplenishmentProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("P3D") Duration leadTime,
        @NotNull @DefaultValue("P14D") Duration conversionWindow)
        implements JourneySettings {}

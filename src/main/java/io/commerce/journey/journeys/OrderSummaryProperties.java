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
 * The order-summary journey ({@code commerce.journey.order-summary.*}).
 *
 * @param enabled whether placed orders get a summary
 * @param addItemsWindow how long after the order was placed the customer may still add items (told in the
 *     summary)
 * @param relatedProductsMax how many related products the summary suggests at most
 */
@Validated
@ConfigurationProperties("commerce.journey.order-summary")
record OrderSummaryProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("PT1H") Duration addItemsWindow,
        @Min(0) @Max(10) @DefaultValue("3") int relatedProductsMax)
        implements JourneySettings {}

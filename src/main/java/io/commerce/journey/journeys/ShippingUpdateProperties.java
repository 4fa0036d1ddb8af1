package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shipping-update journey ({@code commerce.journey.shipping-update.*}).
 *
 * @param enabled whether shipped orders get the tracking link
 */
@ConfigurationProperties("commerce.journey.shipping-update")
record ShippingUpdateProperties(@DefaultValue("true") boolean enabled) implements JourneySettings {}

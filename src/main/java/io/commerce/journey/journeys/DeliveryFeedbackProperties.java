package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery-feedback journey ({@code commerce.journey.delivery-feedback.*}).
 *
 * @param enabled whether delivered orders get the rating question
 * @param askAfter how long after the delivery the customer is asked for a rating
 * @param ratingTimeout how long the rating question waits for an answer
 * @param reasonTimeout how long the question what went wrong (ratings 1-3) waits for an answer
 * @param agentOfferTimeout how long the offer of a human agent waits for an answer
 */
@ConfigurationProperties("commerce.journey.delivery-feedback")
record DeliveryFeedbackProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT2H") Duration askAfter,
        @DefaultValue("P2D") Duration ratingTimeout,
        @DefaultValue("P1D") Duration reasonTimeout,
        @DefaultValue("P1D") Duration agentOfferTimeout)
        implements JourneySettings {}

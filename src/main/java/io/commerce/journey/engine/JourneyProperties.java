package io.commerce.journey.engine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Journeys ({@code commerce.journey.*}).
 *
 * @param runnerEnabled false stops this instance advancing enrollments (tests drive it by hand)
 * @param pollInterval how often an idle runner looks for due enrollments
 * @param batchSize most enrollments one claim takes
 * @param maxAttempts failed runs of one step before the enrollment exits ({@code STEP_FAILED})
 * @param retryBackoff wait before a failed step runs again
 * @param lease how long a runner holds claimed enrollments; a runner that dies frees them after it
 * @param concurrency transactions one runner executes at once (each on its own connection)
 * @param stepsPerTransaction steps run in one transaction; when one of them fails, they run again one by one
 * @param shopUrl the shop's home page: linked by win-back, and where a product has no page of its own
 */
@Validated
@ConfigurationProperties("commerce.journey")
public record JourneyProperties(
        @DefaultValue("true") boolean runnerEnabled,
        @NotNull @DefaultValue("PT1S") Duration pollInterval,
        @Min(1) @Max(5000) @DefaultValue("1000") int batchSize,
        @Min(1) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("PT1M") Duration retryBackoff,
        @NotNull @DefaultValue("PT5M") Duration lease,
        @Min(1) @Max(64) @DefaultValue("8") int concurrency,
        @Min(1) @Max(500) @DefaultValue("20") int stepsPerTransaction,
        @NotBlank @DefaultValue("https://shop.example") String shopUrl) {}

package io.commerce.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redelivery of domain events whose listener failed ({@code commerce.events.*}).
 *
 * @param resubmitAfter how old an incomplete publication must be before it is delivered again; longer
 *     than any listener runs, so a publication still being handled is not delivered twice
 * @param resubmitInterval how often to look for such publications
 */
@Validated
@ConfigurationProperties("commerce.events")
record EventProperties(
        @NotNull @DefaultValue("PT5M") Duration resubmitAfter,
        @NotNull @DefaultValue("PT1M") Duration resubmitInterval) {}

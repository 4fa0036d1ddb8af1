package io.commerce.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults for customers ({@code commerce.customer.*}).
 *
 * @param defaultLanguage language of customers mirrored without one
 * @param defaultTimezone time zone when neither the request nor the phone number tells one
 * @param defaultRegion ISO 3166 region for phone numbers written without a country code; empty: only
 *     international notation is accepted
 */
@Validated
@ConfigurationProperties("commerce.customer")
record CustomerProperties(
        @NotBlank @DefaultValue("en") String defaultLanguage,
        @NotNull @DefaultValue("UTC") ZoneId defaultTimezone,
        String defaultRegion) {

    CustomerProperties {
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? null : defaultRegion.strip();
    }
}

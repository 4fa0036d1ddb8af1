package io.commerce.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.Map;
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
 * @param regionTimezones the zone to assume for a region whose numbers span several zones (mobiles in
 *     Spain, the US, Brazil…); otherwise the first zone libphonenumber names is taken
 */
@Validated
@ConfigurationProperties("commerce.customer")
record CustomerProperties(
        @NotBlank @DefaultValue("en") String defaultLanguage,
        @NotNull @DefaultValue("UTC") ZoneId defaultTimezone,
        String defaultRegion,
        Map<String, ZoneId> regionTimezones) {

    CustomerProperties {
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? null : defaultRegion.strip();
        regionTimezones = regionTimezones == null ? Map.of() : Map.copyOf(regionTimezones);
    }
}

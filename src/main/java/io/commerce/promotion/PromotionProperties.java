package io.commerce.promotion;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Discount codes ({@code commerce.promotion.*}).
 *
 * @param codeLength characters of a generated code, from an alphabet without look-alikes (0/O, 1/I)
 */
@Validated
@ConfigurationProperties("commerce.promotion")
record PromotionProperties(
        @Min(6) @Max(32) @DefaultValue("8") int codeLength) {}

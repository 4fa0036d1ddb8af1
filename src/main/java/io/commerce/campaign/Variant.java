package io.commerce.campaign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A variant of a campaign's message for an A/B test: its name ({@code a} is the campaign's own template), a
 * marketing template with its parameters, and the percent of the audience (outside the control group) it goes to.
 */
public record Variant(
        @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,32}", message = "must be 1-32 of a-z, 0-9, _ and -")
        String name,

        @NotBlank @Size(max = 100) String template,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> params,

        @NotNull @DecimalMin("0.01") @DecimalMax("99.99") @Digits(integer = 2, fraction = 2)
        BigDecimal percent) {

    public Variant {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}

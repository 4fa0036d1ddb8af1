package io.commerce.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A grant or withdrawal as the shop reports it: the new status, where it came from ({@code
 * checkout-checkbox}, {@code whatsapp-keyword}) and the evidence (the wording the customer agreed to).
 */
public record ConsentChange(
        @NotNull ConsentStatus status,
        @NotBlank @Size(max = 200) String source,
        @Size(max = 2000) String evidence) {}

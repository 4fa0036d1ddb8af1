package io.commerce.conversation.answers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code PUT /api/v1/canned-responses/{key}}: the response's text per language (ISO 639 codes such as
 * {@code en}), with placeholders from {@link Placeholders} only.
 */
record CannedResponseDetails(
        @NotNull @Size(min = 1, max = 20)
        Map<
                        @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en") String,
                        @NotBlank @Size(max = 4096) String>
                texts) {}

package io.commerce.campaign;

import io.commerce.shared.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /api/v1/campaigns}: a name, a marketing template of the catalogue with its parameters (all but
 * {@code firstName}, which is each customer's own), the channel, the segment (optional: everyone) and when to
 * launch (optional: now).
 */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String template,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> params,
        @NotNull Channel channel,
        @Valid Segment segment,
        Instant scheduledAt) {}

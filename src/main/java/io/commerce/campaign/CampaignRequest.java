package io.commerce.campaign;

import io.commerce.shared.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/campaigns}: a name, a marketing template of the catalogue with its parameters (all but
 * {@code firstName}, which is each customer's own), the channel, the segment (optional: everyone) and when to
 * launch (optional: now); optionally a control group ({@code controlPercent} of the audience, 0-50, held out and
 * measured) and A/B {@code variants} (more templates, each with the percent of the rest it goes to; the campaign's
 * own template is variant {@code a} and takes what they leave); with {@code testPercent} the variants go to that
 * share of the audience only, and {@code winnerAfter} the launch the best of them to the rest. With {@code
 * earlyAccess} the loyalty tiers with early access get it that much before {@code scheduledAt}. A {@code
 * flashSale} gives each customer a code of their own for a product, valid for hours ({@link FlashSale}).
 */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String template,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> params,
        @NotNull Channel channel,
        @Valid Segment segment,
        Instant scheduledAt,

        @DecimalMin(value = "0", message = "must be between 0 and 50 (percent)")
        @DecimalMax(value = "50", message = "must be between 0 and 50 (percent)")
        @Digits(integer = 2, fraction = 2)
        BigDecimal controlPercent,

        @Size(max = 9) List<@NotNull @Valid Variant> variants,

        @DecimalMin(value = "1", message = "must be between 1 and 99 (percent)")
        @DecimalMax(value = "99", message = "must be between 1 and 99 (percent)")
        @Digits(integer = 2, fraction = 2)
        BigDecimal testPercent,

        Duration winnerAfter,
        Boolean earlyAccess,
        @Valid FlashSale flashSale) {

    /** A campaign without a control group or variants. */
    public CampaignRequest(
            String name,
            String template,
            Map<String, String> params,
            Channel channel,
            Segment segment,
            Instant scheduledAt) {
        this(name, template, params, channel, segment, scheduledAt, null, null, null, null, null, null);
    }
}

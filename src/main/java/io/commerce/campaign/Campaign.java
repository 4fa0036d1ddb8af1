package io.commerce.campaign;

import io.commerce.messaging.Origin;
import io.commerce.shared.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as stored; {@code claimToken} identifies the launcher that holds it while launching, {@code
 * launchAttempts} counts its claims. With {@code earlyAccess} it launches at {@code launchAt}, ahead of {@code
 * scheduledAt} by the longest early access of the loyalty tiers, each tier's messages due at its own time. A
 * {@code flashSale} stops ({@code stoppedAt}, {@code stopReason}) when its product sells out or its time is up.
 */
record Campaign(
        UUID id,
        String name,
        String template,
        Map<String, String> params,
        Channel channel,
        Segment segment,
        CampaignStatus status,
        Instant scheduledAt,
        Instant launchedAt,
        Instant cancelledAt,
        String failureReason,
        Integer audienceSize,
        int launchAttempts,
        UUID claimToken,
        Instant createdAt,
        Experiment experiment,
        boolean earlyAccess,
        Instant launchAt,
        @Nullable FlashSale flashSale,
        @Nullable Instant stoppedAt,
        @Nullable String stopReason) {

    /** Every message of a campaign carries this origin: the label for metrics, the campaign's id as reference. */
    static final String ORIGIN_LABEL = "campaign";

    Origin origin() {
        return new Origin(ORIGIN_LABEL, id.toString());
    }

    /** When its flash sale ends (null: it has none). */
    @Nullable
    Instant saleEndsAt() {
        return flashSale == null ? null : scheduledAt.plus(flashSale.validFor());
    }
}

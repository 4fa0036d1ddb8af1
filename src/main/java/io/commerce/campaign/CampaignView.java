package io.commerce.campaign;

import io.commerce.messaging.MessageCounts;
import io.commerce.shared.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A campaign and its progress: status, when it launched, how many customers its audience snapshot held, and
 * its messages by status (with how many queued ones a guardrail holds). {@code messages} is given for one
 * campaign, not in lists. {@code launchAttempts} counts the launches tried (a failed one is tried again a few
 * times, then the campaign fails with {@code LAUNCH_FAILED}). {@code results}, for one launched campaign, is what
 * its messages did and earned, per variant and against its control group (docs/analytics.md). {@code flashSale}
 * is its flash sale's terms, end, and whether it stopped (docs/loyalty.md).
 */
public record CampaignView(
        String id,
        String name,
        String template,
        Map<String, String> params,
        Channel channel,
        Segment segment,
        CampaignStatus status,
        Instant scheduledAt,
        @Nullable Instant launchedAt,
        @Nullable Instant cancelledAt,
        @Nullable String failureReason,
        int launchAttempts,
        @Nullable Integer audienceSize,
        @Nullable MessageCounts messages,
        Instant createdAt,
        BigDecimal controlPercent,
        List<Variant> variants,
        boolean earlyAccess,
        Instant launchAt,
        @Nullable FlashSaleView flashSale,
        @Nullable Object results) {}

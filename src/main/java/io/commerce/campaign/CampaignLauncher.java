package io.commerce.campaign;

import io.commerce.loyalty.LoyaltyService;
import io.commerce.messaging.AudienceSend;
import io.commerce.messaging.MessagingService;
import io.commerce.shared.Audience;
import io.commerce.shared.CommerceException;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launches due campaigns, on every instance. A claim (FOR UPDATE SKIP LOCKED, with a lease) marks them
 * launching; each is then launched in one transaction: its audience snapshotted into the outbox by one
 * statement (a flash sale's codes issued by another), the campaign marked launched only while the claim still
 * holds, and {@link CampaignLaunched} published. A launch whose claim was lost meanwhile (the campaign was cancelled) rolls back with its
 * messages; a launcher that dies leaves a claim that runs out, and the campaign is launched again. A launch
 * that fails is tried again after {@code launch-retry-backoff}, up to {@code max-launch-attempts} claims,
 * then the campaign is failed with {@code LAUNCH_FAILED}.
 */
@Component
class CampaignLauncher {

    private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);
    private static final int BATCH = 10;
    private static final String LAUNCH_FAILED = "LAUNCH_FAILED";

    private final Campaigns campaigns;
    private final SegmentQuery segments;
    private final LoyaltyService loyalty;
    private final FlashSales flashSales;
    private final MessagingService messaging;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final CampaignMetrics metrics;
    private final CampaignProperties properties;
    private final Clock clock;

    CampaignLauncher(
            Campaigns campaigns,
            SegmentQuery segments,
            LoyaltyService loyalty,
            FlashSales flashSales,
            MessagingService messaging,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            CampaignMetrics metrics,
            CampaignProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.segments = segments;
        this.loyalty = loyalty;
        this.flashSales = flashSales;
        this.messaging = messaging;
        this.transaction = transaction;
        this.events = events;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commerce.campaign.poll-interval:PT5S}")
    void poll() {
        if (properties.launcherEnabled()) {
            while (launchDue() > 0) {
                // more may be due
            }
        }
    }

    /** Claims the campaigns that are due and launches each; returns how many it claimed. */
    int launchDue() {
        var claimed =
                transaction.execute(status -> campaigns.claimDue(clock.instant(), properties.launchTimeout(), BATCH));
        claimed.forEach(this::launch);
        return claimed.size();
    }

    void launch(Campaign campaign) {
        if (campaign.launchAttempts() > properties.maxLaunchAttempts()) {
            // its launchers died (or failed) as many times as it may be tried
            log.error(
                    "campaign {} was claimed {} times without launching; it is marked failed",
                    campaign.id(),
                    campaign.launchAttempts() - 1);
            transaction.executeWithoutResult(status -> campaigns.markFailed(campaign, LAUNCH_FAILED, clock.instant()));
            return;
        }
        var snapshot = metrics.start();
        try {
            var audienceSize = transaction.execute(status -> {
                var now = clock.instant();
                flashSales.requireOpen(campaign, now);
                var audience = segments.audience(campaign.segment(), now);
                var queued = 0;
                for (var arm : campaign.experiment().arms(campaign.template(), campaign.params())) {
                    var armAudience = flashSales.personalise(
                            campaign, segments.inBuckets(audience, campaign.id(), arm.from(), arm.to()), arm.heldOut());
                    for (var wave : waves(campaign, now)) {
                        var written = messaging.queueForAudience(
                                new AudienceSend(
                                        Purpose.MARKETING,
                                        campaign.channel(),
                                        arm.template(),
                                        arm.params(),
                                        campaign.origin(),
                                        campaign.experiment().variants().isEmpty() && !arm.heldOut()
                                                ? null
                                                : arm.name(),
                                        arm.heldOut(),
                                        wave.notBefore()),
                                wave.audience().apply(armAudience));
                        queued += arm.heldOut() ? 0 : written;
                    }
                }
                if (!campaigns.markLaunched(campaign, queued, now)) {
                    throw new ClaimLostException();
                }
                events.publishEvent(new CampaignLaunched(campaign.id().toString(), queued, now));
                return queued;
            });
            metrics.launched(campaign.channel(), audienceSize, snapshot);
            log.info("campaign {} launched: {} messages queued", campaign.id(), audienceSize);
        } catch (ClaimLostException e) {
            log.info(
                    "campaign {} was cancelled or taken over while launching; its snapshot is rolled back",
                    campaign.id());
        } catch (CommerceException refused) {
            // the template left the catalogue (or lost a parameter) since the campaign was scheduled
            log.warn("campaign {} cannot be launched: {}", campaign.id(), refused.getMessage());
            transaction.executeWithoutResult(status -> campaigns.markFailed(campaign, refused.code(), clock.instant()));
        } catch (RuntimeException e) {
            // the snapshot rolled back; a database error may pass, a bug will not: a few tries, then failed
            var now = clock.instant();
            var last = campaign.launchAttempts() >= properties.maxLaunchAttempts();
            log.error(
                    "campaign {} failed to launch (attempt {} of {}){}",
                    campaign.id(),
                    campaign.launchAttempts(),
                    properties.maxLaunchAttempts(),
                    last ? "; it is marked failed" : "; it is tried again in " + properties.launchRetryBackoff(),
                    e);
            transaction.executeWithoutResult(status -> {
                if (last) {
                    campaigns.markFailed(campaign, LAUNCH_FAILED, now);
                } else {
                    campaigns.retryLater(campaign, now.plus(properties.launchRetryBackoff()), now);
                }
            });
        }
    }

    /** Part of an audience and when its messages may go ({@code null}: at once). */
    private record Wave(
            UnaryOperator<Audience> audience, @Nullable Instant notBefore) {}

    /**
     * Who gets the campaign when: everyone at once; with early access, each loyalty tier that has it at the
     * scheduled time less its early access, everyone else at the scheduled time.
     */
    private List<Wave> waves(Campaign campaign, Instant now) {
        if (!campaign.earlyAccess()) {
            return List.of(new Wave(audience -> audience, null));
        }
        var early = loyalty.tierBands().stream()
                .filter(band -> band.earlyAccess().isPositive())
                .toList();
        var waves = new ArrayList<Wave>();
        for (var band : early) {
            waves.add(new Wave(
                    audience -> segments.inBands(audience, List.of(band), true, now, "early"),
                    campaign.scheduledAt().minus(band.earlyAccess())));
        }
        waves.add(new Wave(
                early.isEmpty()
                        ? audience -> audience
                        : audience -> segments.inBands(audience, early, false, now, "early"),
                campaign.scheduledAt()));
        return waves;
    }

    /** The campaign is no longer this launcher's to launch: roll the snapshot back. */
    private static final class ClaimLostException extends RuntimeException {
        ClaimLostException() {
            super(null, null, false, false);
        }
    }
}

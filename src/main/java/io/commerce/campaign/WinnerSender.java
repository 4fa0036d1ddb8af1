package io.commerce.campaign;

import io.commerce.messaging.AudienceSend;
import io.commerce.messaging.MessagingService;
import io.commerce.shared.Purpose;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an A/B test's winner to the rest of its audience once the test has run ({@code winnerAfter} the
 * launch): the best variant by {@link CampaignMeasurement#bestVariant}, queued as variant {@code rest} to the
 * customers the control group and the tested variants did not take, in the transaction that records the winner
 * (so it happens once, whichever instance gets there).
 */
@Component
class WinnerSender {

    private static final Logger log = LoggerFactory.getLogger(WinnerSender.class);

    private final Campaigns campaigns;
    private final SegmentQuery segments;
    private final MessagingService messaging;
    private final ObjectProvider<CampaignMeasurement> measurement;
    private final TransactionTemplate transaction;
    private final CampaignProperties properties;
    private final Clock clock;

    WinnerSender(
            Campaigns campaigns,
            SegmentQuery segments,
            MessagingService messaging,
            ObjectProvider<CampaignMeasurement> measurement,
            TransactionTemplate transaction,
            CampaignProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.segments = segments;
        this.messaging = messaging;
        this.measurement = measurement;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commerce.campaign.poll-interval:PT5S}")
    void poll() {
        if (properties.launcherEnabled()) {
            sendDue();
        }
    }

    /** Sends the winners that are due; returns how many campaigns got theirs. */
    int sendDue() {
        var now = clock.instant();
        var sent = 0;
        for (var campaign : campaigns.awaitingWinner()) {
            var experiment = campaign.experiment();
            if (campaign.launchedAt().plus(experiment.winnerAfter()).isAfter(now)) {
                continue;
            }
            var judge = measurement.getIfAvailable();
            var winner = judge == null
                    ? Experiment.BASE
                    : judge.bestVariant(campaign.id().toString(), campaign.launchedAt());
            var queued = transaction.execute(status -> {
                var rest = experiment.rest(winner, campaign.template(), campaign.params());
                var more = messaging.queueForAudience(
                        new AudienceSend(
                                Purpose.MARKETING,
                                campaign.channel(),
                                rest.template(),
                                rest.params(),
                                campaign.origin(),
                                Experiment.REST,
                                false),
                        segments.inBuckets(
                                segments.audience(campaign.segment(), now), campaign.id(), rest.from(), rest.to()));
                if (!campaigns.chooseWinner(campaign, experiment.won(winner), more, now)) {
                    status.setRollbackOnly(); // another instance chose it: its messages, not these
                    return -1;
                }
                return more;
            });
            if (queued != null && queued >= 0) {
                log.info("campaign {}: variant {} won; sent to {} more customers", campaign.id(), winner, queued);
                sent++;
            }
        }
        return sent;
    }
}

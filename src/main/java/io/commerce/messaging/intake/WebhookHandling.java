package io.commerce.messaging.intake;

import io.commerce.messaging.channel.InboundMessage;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.messaging.channel.WebhookHandler;
import io.commerce.messaging.dispatch.MessagingMetrics;
import io.commerce.shared.Channel;
import org.springframework.stereotype.Component;

/**
 * The core's side of {@link WebhookHandler}: what the channel adapters' webhook controllers read goes to
 * {@link WebhookIntake} (storing and processing together), {@link StatusUpdates}, {@link InboundMessages}
 * and {@link MessagingMetrics}.
 */
@Component
class WebhookHandling implements WebhookHandler {

    private final WebhookIntake intake;
    private final StatusUpdates statuses;
    private final InboundMessages inbound;
    private final MessagingMetrics metrics;

    WebhookHandling(WebhookIntake intake, StatusUpdates statuses, InboundMessages inbound, MessagingMetrics metrics) {
        this.intake = intake;
        this.statuses = statuses;
        this.inbound = inbound;
        this.metrics = metrics;
    }

    @Override
    public void take(String provider, byte[] body, Runnable processing) {
        intake.take(provider, body, processing);
    }

    @Override
    public void status(StatusReport report) {
        statuses.apply(report);
    }

    @Override
    public void message(InboundMessage message) {
        inbound.receive(message);
    }

    @Override
    public void preference(Channel channel, String phone, boolean stop, String detail) {
        inbound.preference(channel, phone, stop, detail);
    }

    @Override
    public void rejected(String provider) {
        metrics.webhookRejected(provider);
    }

    @Override
    public void accountError(String provider, String code) {
        metrics.providerError(provider, code);
    }
}

package io.commerce.analytics;

import io.commerce.messaging.MessageDelivered;
import io.commerce.messaging.MessageFacts;
import io.commerce.messaging.MessageRead;
import io.commerce.messaging.MessageSent;
import io.commerce.messaging.MessagingService;
import io.commerce.shared.Channel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts messages sent, delivered and read, and what they cost, and notes which customers a message reached
 * each month (for retention) (WhatsApp charges a template when it is
 * delivered, an SMS is charged when sent). It listens inside the transaction that moved the messages, and adds
 * their figures in one statement just before it commits: counted exactly when the move is, with no event
 * publication of its own per message (the dispatcher sends thousands a second).
 */
@Component
class MessageFunnel {

    private final MessagingService messaging;
    private final RateCard rates;
    private final Tally tally;
    private final Retention retention;
    private final GatheredUntilCommit<Moved> moves = new GatheredUntilCommit<>(this::count);

    MessageFunnel(MessagingService messaging, RateCard rates, Tally tally, Retention retention) {
        this.messaging = messaging;
        this.retention = retention;
        this.rates = rates;
        this.tally = tally;
    }

    private enum Step {
        SENT,
        DELIVERED,
        READ
    }

    private record Moved(String messageId, Step step, java.time.Instant at) {}

    @EventListener
    void on(MessageSent sent) {
        moves.offer(new Moved(sent.messageId(), Step.SENT, sent.at()));
    }

    @EventListener
    void on(MessageDelivered delivered) {
        moves.offer(new Moved(delivered.messageId(), Step.DELIVERED, delivered.at()));
    }

    @EventListener
    void on(MessageRead read) {
        moves.offer(new Moved(read.messageId(), Step.READ, read.at()));
    }

    private void count(List<Moved> batch) {
        var facts = messaging
                .facts(batch.stream().map(Moved::messageId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(MessageFacts::messageId, Function.identity()));
        var deltas = new ArrayList<Tally.Delta>();
        var reached = new ArrayList<Retention.Reach>();
        for (var moved : batch) {
            var message = facts.get(moved.messageId());
            if (message == null) {
                continue;
            }
            var counts = switch (moved.step()) {
                case SENT ->
                    Counts.aSend(message.channel() == Channel.SMS ? rates.cost(message, moved.at()) : BigDecimal.ZERO);
                case DELIVERED ->
                    Counts.aDelivery(
                            message.channel() == Channel.WHATSAPP ? rates.cost(message, moved.at()) : BigDecimal.ZERO);
                case READ -> Counts.aRead();
            };
            if (moved.step() != Step.SENT) {
                reached.add(new Retention.Reach(message.customerId(), moved.at()));
            }
            deltas.add(new Tally.Delta(
                    moved.at(),
                    Dimensions.of(message.origin(), message.templateKey(), message.channel(), message.variant()),
                    counts));
        }
        tally.write(deltas);
        retention.reached(reached);
    }
}

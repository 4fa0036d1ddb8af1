package io.commerce.analytics;

import io.commerce.consent.ConsentWithdrawn;
import io.commerce.messaging.InboundMessagesReceived;
import io.commerce.messaging.MessageFacts;
import io.commerce.messaging.MessagingService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts what customers did about a message: a reply (to the message it quotes, else to the last message their
 * phone received on that channel in the day before) and an opt-out (to the last message received in the week
 * before the withdrawal). Each message counts once for each.
 */
@Component
class Engagement {

    private static final Duration REPLY_WITHIN = Duration.ofHours(24);
    private static final Duration OPT_OUT_WITHIN = Duration.ofDays(7);

    private final MessagingService messaging;
    private final JdbcClient jdbc;
    private final Tally tally;

    Engagement(MessagingService messaging, JdbcClient jdbc, Tally tally) {
        this.messaging = messaging;
        this.jdbc = jdbc;
        this.tally = tally;
    }

    @ApplicationModuleListener
    void on(InboundMessagesReceived received) {
        var replied = new ArrayList<Touched>();
        for (var inbound : received.messages()) {
            if (inbound.customerId() == null || inbound.keyword()) {
                continue;
            }
            var message = inbound.repliedTo() != null
                    ? Optional.of(inbound.repliedTo())
                    : lastSeen(inbound.customerId(), inbound.channel(), inbound.receivedAt(), REPLY_WITHIN);
            message.ifPresent(id -> replied.add(new Touched(id, inbound.receivedAt())));
        }
        count(replied, "REPLIED", Counts.aReply());
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn withdrawn) {
        lastSeen(withdrawn.customerId(), withdrawn.channel(), withdrawn.withdrawnAt(), OPT_OUT_WITHIN)
                .ifPresent(
                        id -> count(List.of(new Touched(id, withdrawn.withdrawnAt())), "OPTED_OUT", Counts.anOptOut()));
    }

    private record Touched(String messageId, Instant at) {}

    private Optional<String> lastSeen(
            String customerId, io.commerce.shared.Channel channel, Instant at, Duration within) {
        return messaging.seenBetween(customerId, at.minus(within), at).stream()
                .filter(seen -> seen.channel() == channel)
                .findFirst()
                .map(seen -> seen.messageId());
    }

    /** Counts each message not counted for this yet, under its dimensions. */
    private void count(List<Touched> touched, String kind, Counts counts) {
        var fresh = new ArrayList<Touched>();
        for (var touch : touched) {
            var first = jdbc.sql("""
                            insert into message_touch (message_id, kind, at) values (:messageId, :kind, :at)
                            on conflict do nothing
                            """)
                    .param("messageId", UUID.fromString(touch.messageId()))
                    .param("kind", kind)
                    .param("at", java.sql.Timestamp.from(touch.at()))
                    .update();
            if (first == 1) {
                fresh.add(touch);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        var facts = messaging.facts(fresh.stream().map(Touched::messageId).toList());
        var deltas = new ArrayList<Tally.Delta>();
        for (var touch : fresh) {
            facts.stream()
                    .filter(message -> message.messageId().equals(touch.messageId()))
                    .findFirst()
                    .map(message -> new Tally.Delta(touch.at(), dimensions(message), counts))
                    .ifPresent(deltas::add);
        }
        tally.write(deltas);
    }

    private static Dimensions dimensions(MessageFacts message) {
        return Dimensions.of(message.origin(), message.templateKey(), message.channel(), message.variant());
    }
}

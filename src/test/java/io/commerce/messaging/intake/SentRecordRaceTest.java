package io.commerce.messaging.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessagingFixtures;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.messaging.dispatch.MessageSender;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.messaging.outbox.Outbox;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher recording a batch as sent while status webhooks for the same messages are applied, on
 * real PostgreSQL: both lock the same rows, here in opposite orders, started together round after round.
 * Issue 9, finding 6: PostgreSQL broke the deadlock by rolling one of them back, and the batch's "sent"
 * record (or the webhook's statuses) was lost.
 */
@IntegrationTest
class SentRecordRaceTest {

    private static final int ROUNDS = 40;
    private static final int BATCH = 30;

    @Autowired
    MessageSender sender;

    @Autowired
    WebhookIntake intake;

    @Autowired
    StatusUpdates statuses;

    @Autowired
    Outbox outbox;

    @Autowired
    MessageReads reads;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchRecordedAsSentWhileItsStatusWebhooksArriveLosesNeither() throws Exception {
        var escaped = new ConcurrentLinkedQueue<Throwable>();
        for (int round = 0; round < ROUNDS; round++) {
            var batch = sendingMessages();
            var accepted = batch.stream()
                    .map(row -> new MessageSender.Accepted(row, providerId(row)))
                    .toList();
            // the webhook reports every other message of the batch delivered, in the opposite order
            var reports = new ArrayList<StatusReport>();
            for (int i = batch.size() - 1; i >= 0; i -= 2) {
                var row = batch.get(i);
                reports.add(new StatusReport(
                        providerId(row), row.id(), MessageStatus.DELIVERED, Instant.now(), null, null, null, null));
            }
            var payload = "{\"race\": \"" + UUID.randomUUID() + "\"}";
            var start = new CyclicBarrier(2);
            try (var both = Executors.newFixedThreadPool(2)) {
                var dispatcher = both.submit(() -> {
                    start.await();
                    sender.recordSent(accepted);
                    return null;
                });
                var webhook = both.submit(() -> {
                    start.await();
                    intake.take(
                            "whatsapp",
                            payload.getBytes(StandardCharsets.UTF_8),
                            () -> reports.forEach(statuses::apply));
                    return null;
                });
                collect(dispatcher, escaped);
                collect(webhook, escaped);
            }

            assertThat(escaped).as("round %d: errors out of either side", round).isEmpty();
            assertThat(jdbc.sql("select error from webhook_delivery where payload = ?")
                            .param(payload)
                            .query(String.class)
                            .optional())
                    .as("round %d: the webhook kept as failed", round)
                    .isEmpty();
            for (int i = 0; i < batch.size(); i++) {
                var row = reads.find(batch.get(i).id()).orElseThrow();
                var reported = (batch.size() - 1 - i) % 2 == 0;
                assertThat(row.status())
                        .as("round %d, message %d", round, i)
                        .isEqualTo(reported ? MessageStatus.DELIVERED : MessageStatus.SENT);
                assertThat(row.providerMessageId()).isEqualTo(providerId(row));
            }
        }
    }

    private static void collect(Future<?> side, ConcurrentLinkedQueue<Throwable> escaped) throws InterruptedException {
        try {
            side.get();
        } catch (ExecutionException e) {
            escaped.add(e.getCause());
        }
    }

    /** A batch the dispatcher has claimed: rows in {@code sending}, oldest id first. */
    private List<MessageRow> sendingMessages() {
        var now = Instant.now();
        var rows = new ArrayList<MessageRow>();
        for (int i = 0; i < BATCH; i++) {
            var row = MessageRow.queued(
                    "c-race",
                    Channel.WHATSAPP,
                    Purpose.TRANSACTIONAL,
                    MessageCategory.UTILITY,
                    MessagingFixtures.uniquePhone(),
                    null,
                    "en",
                    "order_shipped",
                    new OutboundContent.Template("order_shipped", Map.of("orderId", "1001")),
                    null,
                    null,
                    null,
                    null,
                    now);
            outbox.insert(row);
            rows.add(row);
        }
        jdbc.sql("update message set status = 'SENDING', sending_since = now(), next_attempt_at = 'infinity'"
                        + " where id = any(?)")
                .param(rows.stream().map(MessageRow::id).toArray(UUID[]::new))
                .update();
        return rows;
    }

    private static String providerId(MessageRow row) {
        return "wamid.RACE" + row.id();
    }
}

package io.commerce.messaging.dispatch;

import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.channel.Channels;
import io.commerce.messaging.guardrails.Facts;
import io.commerce.messaging.guardrails.Guardrails;
import io.commerce.messaging.guardrails.PolicyGate;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.messaging.outbox.Pacing;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules a claimed batch is checked against again right before it goes, decided for the whole batch at
 * once: what they need is read in a few set-based statements (the customers' grants, when the numbers last
 * wrote, what went to the customers lately) instead of per message, and the pair-gap slots of the messages
 * that may go are taken in one statement. Each message still gets its own verdict: go, refused (consent,
 * window, content, country) or wait (a guardrail's hold, or the pair gap). A message the batch lets go counts
 * for the batch's later messages to the same customer (frequency cap, least gap) and number (pair gap).
 */
@Component
class Rechecks {

    /** What a claimed message may do now. */
    sealed interface Verdict {
        MessageRow row();
    }

    record Go(MessageRow row) implements Verdict {}

    record Refused(MessageRow row, PolicyGate.Refusal refusal) implements Verdict {}

    /** Back to the queue until {@code until}; {@code heldReason} is a guardrail's, null for the pair gap. */
    record Waits(MessageRow row, Instant until, @Nullable String heldReason) implements Verdict {}

    private final PolicyGate policy;
    private final Pacing pacing;
    private final Channels channels;
    private final MessageReads reads;
    private final Clock clock;
    private final Guardrails guardrails;
    private final boolean guardrailsEnabled;
    private final Duration frequencyCapPeriod;
    private final Duration lookBack;
    private final Duration conversationWindow;

    Rechecks(
            PolicyGate policy,
            Pacing pacing,
            Channels channels,
            MessageReads reads,
            MessagingProperties properties,
            Clock clock) {
        this.policy = policy;
        this.pacing = pacing;
        this.channels = channels;
        this.reads = reads;
        this.clock = clock;
        var settings = properties.guardrails();
        this.guardrailsEnabled = settings.enabled();
        this.frequencyCapPeriod = settings.frequencyCapPeriod();
        this.lookBack = settings.frequencyCapPeriod().compareTo(settings.minimumGap()) > 0
                ? settings.frequencyCapPeriod()
                : settings.minimumGap();
        this.conversationWindow = settings.conversationWindow();
        this.guardrails = new Guardrails(
                new Guardrails.QuietHours(settings.quietHoursStart(), settings.quietHoursEnd()),
                new Guardrails.FrequencyCap(settings.frequencyCapMax(), settings.frequencyCapPeriod()),
                new Guardrails.MinimumGap(settings.minimumGap()));
    }

    /** A verdict for each row, in the rows' order. */
    List<Verdict> decide(List<MessageRow> rows) {
        var now = clock.instant();
        var facts = policy.factsAbout(
                rows.stream().map(MessageRow::customerId).toList(),
                rows.stream()
                        .map(MessageRow::recipient)
                        .filter(Objects::nonNull)
                        .toList(),
                conversationWindow);
        var sent = sentLately(rows, now);
        var verdicts = new ArrayList<Verdict>(rows.size());
        for (var row : rows) {
            var verdict = ruled(row, facts, sent, now);
            verdicts.add(verdict);
            if (verdict instanceof Go) {
                sent.computeIfAbsent(row.customerId(), customer -> new ArrayList<>())
                        .add(new MessageReads.Sent(row.customerId(), row.purpose(), now));
            }
        }
        keepPairGaps(verdicts, now);
        return verdicts;
    }

    private Verdict ruled(MessageRow row, Facts facts, Map<String, List<MessageReads.Sent>> sent, Instant now) {
        var refusal = policy.check(
                row.customerId(),
                row.recipient(),
                row.channel(),
                row.purpose(),
                row.category(),
                row.content(),
                row.smsText() != null,
                facts);
        if (refusal.isPresent()) {
            return new Refused(row, refusal.get());
        }
        return hold(row, facts, sent.getOrDefault(row.customerId(), List.of()), now)
                .<Verdict>map(hold -> new Waits(row, hold.until(), hold.reason()))
                .orElseGet(() -> new Go(row));
    }

    /**
     * Marketing only: quiet hours, the frequency cap and the least gap; the first and last not while the
     * customer is in a conversation with us on the message's channel.
     */
    private Optional<Guardrails.Hold> hold(MessageRow row, Facts facts, List<MessageReads.Sent> sent, Instant now) {
        if (!guardrailsEnabled || row.purpose() != Purpose.MARKETING) {
            return Optional.empty();
        }
        var zone = row.timezone() == null ? ZoneOffset.UTC : ZoneId.of(row.timezone());
        var capFrom = now.minus(frequencyCapPeriod);
        return guardrails.check(
                row.purpose(),
                now,
                zone,
                sent.stream()
                        .filter(s -> s.purpose() == Purpose.MARKETING && s.at().isAfter(capFrom))
                        .map(MessageReads.Sent::at)
                        .toList(),
                sent.stream().map(MessageReads.Sent::at).max(Instant::compareTo),
                facts.heardFromWithin(row.channel(), row.recipient(), conversationWindow));
    }

    /** What went to the batch's marketing customers within the guardrails' longest look back, by customer. */
    private Map<String, List<MessageReads.Sent>> sentLately(List<MessageRow> rows, Instant now) {
        var sent = new HashMap<String, List<MessageReads.Sent>>();
        if (!guardrailsEnabled) {
            return sent;
        }
        var customers = rows.stream()
                .filter(row -> row.purpose() == Purpose.MARKETING)
                .map(MessageRow::customerId)
                .collect(Collectors.toSet());
        reads.sentSince(customers, now.minus(lookBack))
                .forEach(s -> sent.computeIfAbsent(s.customerId(), customer -> new ArrayList<>())
                        .add(s));
        return sent;
    }

    /**
     * The pair gap, per channel that keeps one: the slots of the numbers about to be sent to are taken
     * together; a number that is busy, or already taken by an earlier message of the batch, waits.
     */
    private void keepPairGaps(List<Verdict> verdicts, Instant now) {
        for (var channel : Channel.values()) {
            var gap = channels.settings(channel).pairGap();
            var going = new ArrayList<Integer>();
            for (int i = 0; i < verdicts.size(); i++) {
                if (verdicts.get(i) instanceof Go go && go.row().channel() == channel) {
                    going.add(i);
                }
            }
            if (gap.isZero() || going.isEmpty()) {
                continue;
            }
            var busy = pacing.takeRecipientSlots(
                    channel,
                    going.stream().map(i -> verdicts.get(i).row().recipient()).toList(),
                    now);
            var taken = new HashSet<String>();
            for (int i : going) {
                var row = verdicts.get(i).row();
                var until = busy.containsKey(row.recipient())
                        ? busy.get(row.recipient())
                        : taken.add(row.recipient()) ? null : now.plus(gap);
                if (until != null) {
                    verdicts.set(i, new Waits(row, until, null));
                }
            }
        }
    }
}

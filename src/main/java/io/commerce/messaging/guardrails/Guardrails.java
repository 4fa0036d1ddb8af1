package io.commerce.messaging.guardrails;

import io.commerce.shared.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that hold marketing back without dropping it: quiet hours in the customer's time zone, a
 * frequency cap across channels, and a least gap after the last message of any kind. Each gives the moment
 * the message may go; transactional messages are exempt (consent is checked elsewhere, for both). A customer
 * in a conversation with us (they wrote moments ago) is answered at once: quiet hours and the least gap
 * guard against interrupting, which an answer does not; the frequency cap still counts.
 */
public final class Guardrails {

    /** Why a message waits, and until when; {@code reason} is shown on the message. */
    public record Hold(String reason, Instant until) {}

    /** No marketing between {@code start} and {@code end} local time (the span may cross midnight). */
    public record QuietHours(LocalTime start, LocalTime end) {

        Optional<Instant> holdUntil(Instant now, ZoneId zone) {
            var local = now.atZone(zone);
            var time = local.toLocalTime();
            var crossesMidnight = start.isAfter(end);
            var quiet = crossesMidnight
                    ? !time.isBefore(start) || time.isBefore(end)
                    : !time.isBefore(start) && time.isBefore(end);
            if (!quiet) {
                return Optional.empty();
            }
            var endDay = crossesMidnight && !time.isBefore(start)
                    ? local.toLocalDate().plusDays(1)
                    : local.toLocalDate();
            return Optional.of(endDay.atTime(end).atZone(zone).toInstant());
        }
    }

    /** At most {@code max} marketing messages per customer in any {@code period}, across channels. */
    public record FrequencyCap(int max, Duration period) {

        /** @param recentSends when the customer's marketing messages went, within the period, oldest first */
        Optional<Instant> holdUntil(List<Instant> recentSends) {
            if (recentSends.size() < max) {
                return Optional.empty();
            }
            return Optional.of(recentSends.get(recentSends.size() - max).plus(period));
        }
    }

    /** At least {@code gap} after the last message of any kind to the customer. */
    public record MinimumGap(Duration gap) {

        Optional<Instant> holdUntil(Instant now, Optional<Instant> lastSend) {
            return lastSend.map(last -> last.plus(gap)).filter(until -> until.isAfter(now));
        }
    }

    private final QuietHours quietHours;
    private final FrequencyCap frequencyCap;
    private final MinimumGap minimumGap;

    public Guardrails(QuietHours quietHours, FrequencyCap frequencyCap, MinimumGap minimumGap) {
        this.quietHours = quietHours;
        this.frequencyCap = frequencyCap;
        this.minimumGap = minimumGap;
    }

    /** The first rule that holds a message back, with the latest moment any rule asks for. */
    public Optional<Hold> check(
            Purpose purpose,
            Instant now,
            ZoneId zone,
            List<Instant> recentMarketing,
            Optional<Instant> lastSend,
            boolean inConversation) {
        if (purpose != Purpose.MARKETING) {
            return Optional.empty();
        }
        var holds = new ArrayList<Hold>();
        frequencyCap
                .holdUntil(recentMarketing)
                .map(until -> new Hold("FREQUENCY_CAP", until))
                .ifPresent(holds::add);
        if (!inConversation) {
            quietHours
                    .holdUntil(now, zone)
                    .map(until -> new Hold("QUIET_HOURS", until))
                    .ifPresent(holds::add);
            minimumGap
                    .holdUntil(now, lastSend)
                    .map(until -> new Hold("MINIMUM_GAP", until))
                    .ifPresent(holds::add);
        }
        return holds.stream().reduce((a, b) -> b.until().isAfter(a.until()) ? b : a);
    }
}

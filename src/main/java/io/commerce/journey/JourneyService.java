package io.commerce.journey;

import io.commerce.journey.engine.Enrollments;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.journeys.DiscountOffer;
import io.commerce.messaging.ConversationEntry;
import io.commerce.messaging.MessagingService;
import io.commerce.promotion.DiscountCodeView;
import io.commerce.promotion.PromotionService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The journey module's public face: the journeys with their settings and counts, and customers' timelines. */
@Service
public class JourneyService {

    private final List<Journey> journeys;
    private final Enrollments enrollments;
    private final MessagingService messaging;
    private final PromotionService promotions;

    JourneyService(
            List<Journey> journeys, Enrollments enrollments, MessagingService messaging, PromotionService promotions) {
        this.journeys =
                journeys.stream().sorted(Comparator.comparing(Journey::name)).toList();
        this.enrollments = enrollments;
        this.messaging = messaging;
        this.promotions = promotions;
    }

    @Transactional(readOnly = true)
    public List<JourneyView> journeys() {
        var counts = enrollments.countsByJourney();
        var reasons = enrollments.endReasonsByJourney();
        return journeys.stream().map(journey -> view(journey, counts, reasons)).toList();
    }

    @Transactional(readOnly = true)
    public JourneyView journey(String name) {
        return journeys().stream()
                .filter(journey -> journey.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new JourneyNotFoundException(name));
    }

    /** The customer's enrollments, messages both ways and discount codes, oldest first. */
    @Transactional(readOnly = true)
    public Timeline timeline(String customerId) {
        var entries = new ArrayList<TimelineEntry>();
        messaging.conversation(customerId).forEach(entry -> entries.add(entry(entry, journeyOf(entry.origin()))));
        enrollments.byCustomer(customerId).forEach(enrollment -> {
            entries.add(new TimelineEntry(
                    enrollment.enrolledAt(),
                    "journey_entered",
                    enrollment.journey(),
                    enrollment.enrollmentId(),
                    null,
                    null,
                    enrollment.triggerId()));
            if (!enrollment.status().equals("active")) {
                entries.add(new TimelineEntry(
                        enrollment.updatedAt(),
                        "journey_ended",
                        enrollment.journey(),
                        enrollment.enrollmentId(),
                        null,
                        enrollment.status(),
                        enrollment.exitReason()));
            }
        });
        promotions.codesOf(customerId).forEach(code -> {
            entries.add(new TimelineEntry(code.issuedAt(), "code_issued", null, code.code(), null, null, value(code)));
            if (code.redeemedAt() != null) {
                entries.add(new TimelineEntry(
                        code.redeemedAt(), "code_redeemed", null, code.code(), null, null, code.orderId()));
            }
        });
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return new Timeline(customerId, entries);
    }

    /**
     * The journey a message's origin ({@code name/step}) names; none for a campaign's, a conversation's
     * ({@code conversation/bot}) or loyalty's ({@code loyalty/points_available}), whose labels have a slash too.
     */
    private @Nullable String journeyOf(@Nullable String origin) {
        if (origin == null || !origin.contains("/")) {
            return null;
        }
        var name = origin.substring(0, origin.indexOf('/'));
        return journeys.stream().anyMatch(journey -> journey.name().equals(name)) ? name : null;
    }

    private static TimelineEntry entry(ConversationEntry entry, @Nullable String journey) {
        var outbound = entry.direction().equals("outbound");
        return new TimelineEntry(
                entry.at(),
                outbound ? "message" : "reply",
                journey,
                entry.messageId(),
                entry.channel() == null ? null : entry.channel().name().toLowerCase(Locale.ROOT),
                entry.status() == null ? null : entry.status().name().toLowerCase(Locale.ROOT),
                outbound && entry.templateKey() != null
                        ? entry.templateKey()
                        : entry.replyPayload() != null ? entry.replyPayload() : entry.text());
    }

    private static String value(DiscountCodeView code) {
        var amount = DiscountOffer.value(code, "en");
        return code.reason() == null ? amount : amount + " (" + code.reason() + ")";
    }

    private static JourneyView view(
            Journey journey, Map<String, Map<String, Long>> counts, Map<String, Map<String, Long>> reasons) {
        var byStatus = new TreeMap<String, Long>(Map.of("active", 0L, "completed", 0L, "converted", 0L, "exited", 0L));
        byStatus.putAll(counts.getOrDefault(journey.name(), Map.of()));
        return new JourneyView(
                journey.name(),
                journey.stage(),
                journey.enabled(),
                journey.settings(),
                byStatus,
                reasons.getOrDefault(journey.name(), Map.of()));
    }
}

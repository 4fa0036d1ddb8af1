package io.commerce.console.inbox;

import io.commerce.consent.ConsentService;
import io.commerce.conversation.ConversationService;
import io.commerce.conversation.ConversationSummary;
import io.commerce.conversation.ConversationView;
import io.commerce.conversation.agents.AgentDirectory;
import io.commerce.customer.CustomerService;
import io.commerce.journey.JourneyService;
import io.commerce.journey.TimelineEntry;
import io.commerce.loyalty.LoyaltyService;
import io.commerce.messaging.MessagingService;
import io.commerce.order.OrderService;
import io.commerce.promotion.DiscountCodeView;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads what the inbox pages show, through the modules' public services (as the API does). */
@Component
class Inbox {

    static final int PAGE_SIZE = 50;
    /** The list counts this many conversations at most ("10,000+"): an exact count of a million takes 300 ms. */
    static final long COUNT_UP_TO = 10_000;

    private static final int RECENT = 5;

    private final ConversationService conversations;
    private final CustomerService customers;
    private final ConsentService consents;
    private final OrderService orders;
    private final PromotionService promotions;
    private final JourneyService journeys;
    private final LoyaltyService loyalty;
    private final MessagingService messaging;
    private final AgentDirectory agents;
    private final Clock clock;

    Inbox(
            ConversationService conversations,
            CustomerService customers,
            ConsentService consents,
            OrderService orders,
            PromotionService promotions,
            JourneyService journeys,
            LoyaltyService loyalty,
            MessagingService messaging,
            AgentDirectory agents,
            Clock clock) {
        this.conversations = conversations;
        this.customers = customers;
        this.consents = consents;
        this.orders = orders;
        this.promotions = promotions;
        this.journeys = journeys;
        this.loyalty = loyalty;
        this.messaging = messaging;
        this.agents = agents;
        this.clock = clock;
    }

    /** A page of the list, newest activity first, each conversation named after its customer when known. */
    Paged<InboxRow> list(InboxFilter filter, String agentId, int page) {
        var found = conversations.list(filter.conversations(agentId), new PageRequest(page, PAGE_SIZE), COUNT_UP_TO);
        var names = customers.findAll(found.items().stream()
                .map(ConversationSummary::customerId)
                .filter(Objects::nonNull)
                .toList());
        var now = clock.instant();
        var rows = found.items().stream()
                .map(summary -> {
                    var profile = summary.customerId() == null ? null : names.get(summary.customerId());
                    var name = profile == null ? null : CustomerCard.nameOf(profile);
                    return InboxRow.of(summary, name, now, filter.withSelected(summary.conversationId()));
                })
                .toList();
        return new Paged<>(rows, found.page(), found.size(), found.totalItems());
    }

    ConversationPage conversation(String conversationId, Locale language) {
        var conversation = conversations.get(conversationId);
        var card = card(conversation.customerId());
        return new ConversationPage(
                conversation,
                card == null ? conversation.phone() : card.name(),
                card,
                Line.of(conversation),
                ConversationPage.windowLeft(conversation, clock.instant()),
                messaging.templates(),
                conversations.cannedResponses(language),
                agents.list());
    }

    /** The lines alone, for the pane's live refresh; what the customer wrote is now seen. */
    ConversationView lines(String conversationId) {
        var conversation = conversations.get(conversationId);
        conversations.seen(conversationId);
        return conversation;
    }

    private @Nullable CustomerCard card(@Nullable String customerId) {
        if (customerId == null) {
            return null;
        }
        return customers
                .find(customerId)
                .map(profile -> new CustomerCard(
                        profile,
                        consents.consents(customerId).current(),
                        orders.recentOrders(customerId, RECENT),
                        promotions.codesOf(customerId).stream()
                                .sorted(Comparator.comparing(DiscountCodeView::issuedAt)
                                        .reversed())
                                .limit(RECENT)
                                .toList(),
                        journeys.timeline(customerId).entries().stream()
                                .filter(entry -> entry.kind().startsWith("journey_"))
                                .sorted(Comparator.comparing(TimelineEntry::at).reversed())
                                .limit(RECENT)
                                .toList(),
                        loyalty.standing(customerId)))
                .orElse(null);
    }
}

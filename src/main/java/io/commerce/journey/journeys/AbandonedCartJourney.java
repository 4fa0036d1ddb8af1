package io.commerce.journey.journeys;

import io.commerce.cart.CartConverted;
import io.commerce.cart.CartService;
import io.commerce.cart.CartStatus;
import io.commerce.cart.CartUpdated;
import io.commerce.cart.CartView;
import io.commerce.catalog.CatalogService;
import io.commerce.customer.CustomerProfile;
import io.commerce.customer.CustomerService;
import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Enrollments;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneyEndings;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.promotion.CodeIssue;
import io.commerce.promotion.DiscountKind;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Purchase: a cart left with lines gets a WhatsApp reminder with its checkout link an hour after its last
 * change ({@code cart_reminder}), and a day after its last change a second one with a unique discount code
 * ({@code cart_discount}); then the journey waits the conversion window for the order. Every change of the
 * cart restarts the clock of the reminder still to come; an emptied cart ends the journey, and so does its
 * order: converted once a reminder went out, merely exited before (the cart was never abandoned). One
 * journey per cart: a cart whose journey ended is not reminded again.
 */
@Component
class AbandonedCartJourney implements Journey {

    static final String NAME = "abandoned_cart";
    static final int FIRST_REMINDER = 0;
    static final int DISCOUNT = 1;
    static final int CONVERSION_WINDOW = 2;

    private static final String ORDER_PLACED = "ORDER_PLACED";
    private static final String CART_EMPTIED = "CART_EMPTIED";
    private static final String CART_ID = "cartId";

    private final Enroller enroller;
    private final Enrollments enrollments;
    private final JourneyEndings endings;
    private final CartService carts;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final PromotionService promotions;
    private final MessagingService messaging;
    private final AbandonedCartProperties properties;
    private final Clock clock;

    AbandonedCartJourney(
            Enroller enroller,
            Enrollments enrollments,
            JourneyEndings endings,
            CartService carts,
            CatalogService catalog,
            CustomerService customers,
            PromotionService promotions,
            MessagingService messaging,
            AbandonedCartProperties properties,
            Clock clock) {
        this.enroller = enroller;
        this.enrollments = enrollments;
        this.endings = endings;
        this.carts = carts;
        this.catalog = catalog;
        this.customers = customers;
        this.promotions = promotions;
        this.messaging = messaging;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "purchase";
    }

    @Override
    public JourneySettings settings() {
        return properties;
    }

    /** A cart with lines enters (or restarts the clock of its next reminder); an emptied cart leaves. */
    @ApplicationModuleListener
    void on(CartUpdated updated) {
        var cartId = updated.cartId();
        if (updated.lineCount() == 0) {
            endings.endActive(NAME, cartId, FIRST_REMINDER, JourneyEndings.EXITED, CART_EMPTIED);
            return;
        }
        var changedAt = updated.updatedAt();
        var firstDue = dueAt(FIRST_REMINDER, changedAt);
        if (enroller.enrollAt(this, cartId, updated.customerId(), Map.of(CART_ID, cartId), firstDue)) {
            return;
        }
        // already enrolled: the reminder still to come is due again counting from this change
        var now = clock.instant();
        if (!enrollments.reschedule(NAME, cartId, FIRST_REMINDER, firstDue, now)) {
            enrollments.reschedule(NAME, cartId, DISCOUNT, dueAt(DISCOUNT, changedAt), now);
        }
    }

    /** The cart was ordered: after a reminder that is the journey's conversion. */
    @ApplicationModuleListener
    void on(CartConverted converted) {
        endings.endActive(NAME, converted.cartId(), DISCOUNT, JourneyEndings.CONVERTED, ORDER_PLACED);
        endings.endActive(NAME, converted.cartId(), FIRST_REMINDER, JourneyEndings.EXITED, ORDER_PLACED);
    }

    @Override
    public Step run(Enrollment enrollment) {
        var step = enrollment.step();
        var cart = carts.get(enrollment.get(CART_ID));
        if (cart.status() == CartStatus.CONVERTED) {
            return step == FIRST_REMINDER ? Step.exit(ORDER_PLACED) : Step.converted(ORDER_PLACED);
        }
        if (step == CONVERSION_WINDOW) {
            return Step.complete();
        }
        if (cart.lines().isEmpty()) {
            return Step.exit(CART_EMPTIED);
        }
        if (cart.checkoutUrl() == null) {
            return Step.exit("NO_CHECKOUT_LINK");
        }
        var now = clock.instant();
        var due = dueAt(step, cart.updatedAt());
        if (due.isAfter(now)) {
            return Step.next(step, Duration.between(now, due)); // changed since this run was planned
        }
        return step == FIRST_REMINDER ? remind(enrollment, cart, now) : offerDiscount(enrollment, cart);
    }

    private Step remind(Enrollment enrollment, CartView cart, Instant now) {
        send(enrollment, "cart_reminder", Map.of("productName", productName(cart), "checkoutUrl", cart.checkoutUrl()));
        return Step.next(DISCOUNT, nonNegative(Duration.between(now, dueAt(DISCOUNT, cart.updatedAt()))));
    }

    /** The code is issued in the step's transaction: a step rolled back (and retried) leaves no code behind. */
    private Step offerDiscount(Enrollment enrollment, CartView cart) {
        var code = promotions.issue(codeFor(enrollment.customerId(), cart));
        send(
                enrollment,
                "cart_discount",
                Map.of(
                        "discountCode", code.code(),
                        "discountValue", DiscountOffer.value(code, language(enrollment)),
                        "checkoutUrl", cart.checkoutUrl()));
        return Step.next(CONVERSION_WINDOW, properties.conversionWindow(), Map.of("discountCode", code.code()));
    }

    private void send(Enrollment enrollment, String template, Map<String, String> params) {
        messaging.send(new SendCommand(
                enrollment.customerId(),
                Purpose.MARKETING,
                Channel.WHATSAPP,
                new OutboundContent.Template(template, params),
                null,
                enrollment.origin()));
    }

    /** The first line's product; "Runner X (+2)" when more lines wait (a suffix every language reads). */
    private String productName(CartView cart) {
        var title = catalog.get(cart.lines().getFirst().productId()).title();
        var more = cart.lines().size() - 1;
        return more == 0 ? title : title + " (+" + more + ")";
    }

    private CodeIssue codeFor(String customerId, CartView cart) {
        var discount = properties.discount();
        return new CodeIssue(
                customerId,
                NAME,
                discount.kind(),
                discount.value(),
                discount.kind() == DiscountKind.AMOUNT ? cart.currency() : null,
                discount.minimumSpend(),
                discount.validFor());
    }

    /** The runner checked the customer exists just before this step; read again from the session, not the database. */
    private String language(Enrollment enrollment) {
        return customers
                .find(enrollment.customerId())
                .map(CustomerProfile::language)
                .orElse("en");
    }

    /** When the reminder of {@code step} is due: its delay after the cart's last change. */
    private Instant dueAt(int step, Instant changedAt) {
        return changedAt.plus(
                step == FIRST_REMINDER ? properties.firstReminderAfter() : properties.secondReminderAfter());
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}

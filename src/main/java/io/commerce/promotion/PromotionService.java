package io.commerce.promotion;

import io.commerce.customer.CustomerService;
import io.commerce.shared.Audience;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.Upserted;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The promotion module's public face: issue discount codes, look them up, redeem them once. */
@Service
public class PromotionService {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final DiscountCodes codes;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int codeLength;
    private final SecureRandom random = new SecureRandom();

    PromotionService(
            JdbcClient jdbc,
            DiscountCodes codes,
            CustomerService customers,
            ApplicationEventPublisher events,
            Clock clock,
            PromotionProperties properties) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
        this.codeLength = properties.codeLength();
    }

    /** Issues a new unique code to the customer and publishes {@link CodeIssued}. */
    @Transactional
    public DiscountCodeView issue(CodeIssue issue) {
        customers.requireReferenced(issue.customerId());
        requireDiscount(issue.kind(), issue.value(), issue.currency());
        if (issue.validFor().isNegative() || issue.validFor().isZero()) {
            throw new InvalidValueException("validFor", "a code must be valid for some time");
        }
        var now = clock.instant();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var code = generate();
            var inserted = jdbc.sql("""
                            insert into discount_code (code, customer_id, reason, kind, value, currency, minimum_spend,
                                                       issued_at, expires_at)
                            values (:code, :customer, :reason, :kind, :value, :currency, :minimum, :now, :expires)
                            on conflict (code) do nothing
                            """)
                    .param("code", code)
                    .param("customer", issue.customerId())
                    .param("reason", issue.reason())
                    .param("kind", issue.kind().name())
                    .param("value", issue.value())
                    .param("currency", issue.kind() == DiscountKind.PERCENT ? null : issue.currency())
                    .param("minimum", issue.minimumSpend() == null ? BigDecimal.ZERO : issue.minimumSpend())
                    .param("now", Timestamp.from(now))
                    .param("expires", Timestamp.from(now.plus(issue.validFor())))
                    .update();
            if (inserted == 1) {
                var view = codes.find(code).orElseThrow();
                events.publishEvent(new CodeIssued(code, view.customerId(), view.reason(), view.expiresAt()));
                return view;
            }
        }
        throw new IllegalStateException(
                "no free code after " + ATTEMPTS + " attempts; raise commerce.promotion.code-length");
    }

    /**
     * Issues a code to each (active) customer of the audience, in the caller's transaction and one statement (again for the
     * few a clash of random codes left out), without a {@link CodeIssued} each; answers the audience with each
     * customer's code as the value of template parameter {@code param}. Codes come from the database's strong
     * random source ({@code gen_random_uuid}), as unguessable as {@link #issue}'s.
     */
    @Transactional
    public Audience issueToEach(Audience audience, CodeBatch batch, String param) {
        requireDiscount(batch.kind(), batch.value(), batch.currency());
        var params = new HashMap<String, Object>(audience.params());
        params.put("b_reason", batch.reason());
        params.put("b_kind", batch.kind().name());
        params.put("b_value", batch.value());
        params.put("b_currency", batch.kind() == DiscountKind.PERCENT ? null : batch.currency());
        params.put("b_minimum", batch.minimumSpend() == null ? BigDecimal.ZERO : batch.minimumSpend());
        params.put("b_now", Timestamp.from(clock.instant()));
        params.put("b_expires", Timestamp.from(batch.expiresAt()));
        params.put("b_alphabet", ALPHABET);
        params.put("b_length", codeLength);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // those still without a code, and how many of them a clash of random codes left out this time
            var missing = jdbc.sql("""
                            with due as materialized (
                                select c.id from customer c
                                 where (%s)
                                   and c.created_at is not null and c.erased_at is null
                                   and not exists (select 1 from discount_code d
                                                    where d.customer_id = c.id and d.reason = :b_reason)),
                            issued as (
                                insert into discount_code (code, customer_id, reason, kind, value, currency,
                                                           minimum_spend, issued_at, expires_at)
                                select (select string_agg(substr(:b_alphabet, get_byte(r.b, i) %% 32 + 1, 1), '' order by i)
                                          from (select sha256(uuid_send(gen_random_uuid()) || convert_to(due.id, 'UTF8')) as b) r,
                                               generate_series(0, :b_length - 1) i),
                                       due.id, :b_reason, :b_kind, :b_value, :b_currency, :b_minimum, :b_now, :b_expires
                                  from due
                                on conflict (code) do nothing
                                returning 1)
                            select (select count(*) from due) - (select count(*) from issued)
                            """.formatted(audience.condition()))
                    .params(params)
                    .query(Long.class)
                    .single();
            if (missing == 0) {
                return audience.withValue(
                        param,
                        "select d.code from discount_code d where d.customer_id = c.id and d.reason = :b_reason",
                        Map.of("b_reason", batch.reason()));
            }
        }
        throw new IllegalStateException(
                "codes still clash after " + ATTEMPTS + " attempts; raise commerce.promotion.code-length");
    }

    @Transactional(readOnly = true)
    public DiscountCodeView get(String code) {
        return codes.find(normalize(code)).orElseThrow(() -> CodeNotRedeemableException.unknown(code));
    }

    @Transactional(readOnly = true)
    public List<DiscountCodeView> codesOf(String customerId) {
        return codes.ofCustomer(customerId);
    }

    /**
     * Uses the code on an order, once: one conditional update, so racing checkouts cannot both succeed.
     * Redeeming again for the same order answers the first redemption ({@code created} false).
     */
    @Transactional
    public Upserted<DiscountCodeView> redeem(String rawCode, Redemption redemption) {
        var code = normalize(rawCode);
        var now = clock.instant();
        var redeemed = jdbc.sql("""
                        update discount_code set redeemed_at = :now, order_id = :order
                         where code = :code and redeemed_at is null and expires_at > :now
                           and minimum_spend <= :total and (currency is null or currency = :currency)
                        returning *
                        """)
                .param("now", Timestamp.from(now))
                .param("order", redemption.orderId())
                .param("code", code)
                .param("total", redemption.orderTotal())
                .param("currency", redemption.currency())
                .query(DiscountCodes::map)
                .optional();
        if (redeemed.isPresent()) {
            var view = redeemed.get();
            events.publishEvent(new CodeRedeemed(code, view.customerId(), view.reason(), redemption.orderId(), now));
            return new Upserted<>(view, true);
        }
        var existing = codes.find(code).orElseThrow(() -> CodeNotRedeemableException.unknown(rawCode));
        if (existing.redeemedAt() != null) {
            if (existing.orderId().equals(redemption.orderId())) {
                return new Upserted<>(existing, false);
            }
            throw CodeNotRedeemableException.used(code, existing.orderId());
        }
        if (!existing.expiresAt().isAfter(now)) {
            throw CodeNotRedeemableException.expired(code);
        }
        if (existing.currency() != null && !existing.currency().equals(redemption.currency())) {
            throw CodeNotRedeemableException.notQualifying(code, "is in " + existing.currency());
        }
        throw CodeNotRedeemableException.notQualifying(
                code, "needs an order of at least " + existing.minimumSpend().toPlainString());
    }

    private static void requireDiscount(DiscountKind kind, BigDecimal value, String currency) {
        if (kind == DiscountKind.AMOUNT && currency == null) {
            throw new InvalidValueException("currency", "an amount off needs a currency");
        }
        if (kind == DiscountKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidValueException("value", "a percentage off is at most 100");
        }
    }

    private String generate() {
        var code = new StringBuilder(codeLength);
        for (int i = 0; i < codeLength; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Codes are typed by people: case and surrounding spaces do not matter. */
    private static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}

package io.commerce.analytics;

import io.commerce.analytics.CampaignOutcome.Arm;
import io.commerce.analytics.CampaignOutcome.Control;
import io.commerce.analytics.CampaignOutcome.VariantTest;
import io.commerce.campaign.CampaignMeasurement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A launched campaign's results for {@code GET /campaigns/{id}}: its funnel (overall and per variant), and, per
 * arm, how many of the customers it was queued for ordered within the conversion window after the launch (the
 * click window), against the control group's customers held out of it. Every customer counts in the arm chosen
 * for them, sent or not (intent to treat), so the comparison with the control group is fair. Lift and its 95 %
 * interval compare all sent arms with the control; each variant is tested against {@code a}. Incremental ROCS
 * is the revenue the lift accounts for over what the messages cost.
 */
@Component
class CampaignResults implements CampaignMeasurement {

    private final JdbcClient jdbc;
    private final Performance performance;
    private final AnalyticsProperties properties;
    private final Clock clock;

    CampaignResults(JdbcClient jdbc, Performance performance, AnalyticsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.performance = performance;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CampaignOutcome results(String campaignId, Instant launchedAt) {
        var now = clock.instant();
        var window = properties.windows(io.commerce.shared.Channel.WHATSAPP).click();
        var until = launchedAt.plus(window); // orders cannot come from the future: no need to stop at now
        var end = now.plus(Duration.ofHours(1));
        var totals = performance.rows(launchedAt, end, GroupBy.CAMPAIGN, campaignId, properties.currency());
        var total = totals.isEmpty() ? null : totals.getFirst();
        var variants = performance.rows(launchedAt, end, GroupBy.VARIANT, campaignId, properties.currency());
        var arms = arms(campaignId, launchedAt, until);
        var control = arms.stream().filter(arm -> arm.name().equals("control")).findFirst();
        var sent = arms.stream().filter(arm -> !arm.name().equals("control")).toList();
        var treatedCustomers = sent.stream().mapToLong(Arm::customers).sum();
        var treatedConverted = sent.stream().mapToLong(Arm::converted).sum();
        var treatedRevenue = sent.stream().map(Arm::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        Lift lift = null;
        BigDecimal incremental = null;
        Double incrementalRocs = null;
        if (control.isPresent() && control.get().customers() > 0 && treatedCustomers > 0) {
            var held = control.get();
            lift = Lift.of(treatedConverted, treatedCustomers, held.converted(), held.customers());
            var perTreated = treatedRevenue.divide(BigDecimal.valueOf(treatedCustomers), 6, RoundingMode.HALF_UP);
            var perHeld = held.revenue().divide(BigDecimal.valueOf(held.customers()), 6, RoundingMode.HALF_UP);
            incremental = perTreated
                    .subtract(perHeld)
                    .multiply(BigDecimal.valueOf(treatedCustomers))
                    .setScale(2, RoundingMode.HALF_UP);
            if (total != null && total.cost().signum() > 0) {
                incrementalRocs = incremental
                        .divide(total.cost(), 4, RoundingMode.HALF_UP)
                        .doubleValue();
            }
        }
        var tests = new ArrayList<VariantTest>();
        var base = sent.stream().filter(arm -> arm.name().equals("a")).findFirst();
        if (base.isPresent() && base.get().customers() > 0) {
            sent.stream()
                    .filter(arm -> !arm.name().equals("a") && !arm.name().equals("rest") && arm.customers() > 0)
                    .forEach(arm -> tests.add(new VariantTest(
                            arm.name(),
                            Lift.of(
                                    arm.converted(),
                                    arm.customers(),
                                    base.get().converted(),
                                    base.get().customers()))));
        }
        return new CampaignOutcome(
                window,
                total,
                variants,
                arms,
                control.map(held -> new Control(held.customers(), held.converted(), held.conversionRate()))
                        .orElse(null),
                lift,
                incremental,
                incrementalRocs,
                tests);
    }

    @Override
    @Transactional(readOnly = true)
    public String bestVariant(String campaignId, Instant launchedAt) {
        var now = clock.instant();
        var ctr = new java.util.HashMap<String, Double>();
        performance
                .rows(launchedAt, now.plus(Duration.ofHours(1)), GroupBy.VARIANT, campaignId, properties.currency())
                .forEach(row -> ctr.put(row.key(), row.ctr() == null ? 0.0 : row.ctr()));
        return arms(campaignId, launchedAt, now).stream()
                .filter(arm -> !arm.name().equals("control") && !arm.name().equals("rest"))
                .filter(arm -> arm.customers() > 0)
                .max(java.util.Comparator.comparing(
                                (Arm arm) -> arm.conversionRate() == null ? 0.0 : arm.conversionRate())
                        .thenComparing(arm -> ctr.getOrDefault(arm.name(), 0.0))
                        .thenComparing(arm -> arm.name().equals("a") ? 1 : 0))
                .filter(arm -> (arm.conversionRate() != null && arm.conversionRate() > 0)
                        || ctr.getOrDefault(arm.name(), 0.0) > 0)
                .map(Arm::name)
                .orElse("a");
    }

    /** Per arm: customers, those with an order from the launch to {@code until}, and their orders' revenue. */
    private List<Arm> arms(String campaignId, Instant launchedAt, Instant until) {
        return jdbc.sql("""
                        select case when a.held_out then 'control' else a.variant end as arm,
                               count(*) as customers,
                               count(*) filter (where o.orders > 0) as converted,
                               coalesce(sum(o.revenue), 0) as revenue
                          from campaign_audience a
                          left join lateral (
                               select count(*) as orders, sum(r.revenue) filter (where r.currency = :currency) as revenue
                                 from retention_order r
                                where r.customer_id = a.customer_id and not r.cancelled
                                  and r.placed_at >= :from and r.placed_at < :until) o on true
                         where a.campaign_id = :campaignId
                         group by 1
                         order by 1
                        """)
                .param("campaignId", campaignId)
                .param("currency", properties.currency())
                .param("from", Timestamp.from(launchedAt))
                .param("until", Timestamp.from(until))
                .query((rs, n) -> {
                    var customers = rs.getLong("customers");
                    var converted = rs.getLong("converted");
                    return new Arm(
                            rs.getString("arm"),
                            customers,
                            converted,
                            rs.getBigDecimal("revenue"),
                            customers == 0 ? null : Math.round(10_000.0 * converted / customers) / 10_000.0);
                })
                .list();
    }
}

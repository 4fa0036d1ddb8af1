package io.commerce.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a launched campaign's messages did and earned ({@code results} of {@code GET /campaigns/{id}}, and the
 * console's campaign page): its funnel overall and per variant; per arm (each variant and the control group) the
 * customers chosen for it and how many of them ordered within the conversion window; the lift of the sent arms
 * over the control with its 95 % interval; the revenue and ROCS that lift accounts for; each variant tested
 * against {@code a}.
 */
public record CampaignOutcome(
        Duration conversionWindow,
        @Nullable PerformanceRow total,
        List<PerformanceRow> variants,
        List<Arm> arms,
        @Nullable Control control,
        @Nullable Lift lift,
        @Nullable BigDecimal incrementalRevenue,
        @Nullable Double incrementalRocs,
        List<VariantTest> variantTests) {

    /** One arm of the audience: a variant, or the control group. */
    public record Arm(String name, long customers, long converted, BigDecimal revenue, Double conversionRate) {}

    /** A variant against {@code a}: the lift of its conversion, with interval and p-value. */
    public record VariantTest(String variant, Lift againstA) {}

    /** The customers held out of the campaign, and how many of them ordered in the window. */
    public record Control(long size, long orders, Double conversionRate) {}
}

package io.commerce.analytics;

import java.math.BigDecimal;

/** The funnel's figures for one hour and one set of {@link Dimensions}; deltas are added up. */
record Counts(
        long sent,
        long delivered,
        long read,
        long clicked,
        long uniqueClickers,
        long replied,
        long optedOut,
        long orders,
        BigDecimal revenue,
        BigDecimal cost) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    static Counts aSend(BigDecimal cost) {
        return new Counts(1, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, cost);
    }

    static Counts aDelivery(BigDecimal cost) {
        return new Counts(0, 1, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, cost);
    }

    static Counts aRead() {
        return new Counts(0, 0, 1, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static Counts aClick(boolean first) {
        return new Counts(0, 0, 0, 1, first ? 1 : 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static Counts aReply() {
        return new Counts(0, 0, 0, 0, 0, 1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static Counts anOptOut() {
        return new Counts(0, 0, 0, 0, 0, 0, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** An attributed order ({@code sign} 1), or one taken back ({@code -1}). */
    static Counts anOrder(int sign, BigDecimal revenue) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, sign, sign < 0 ? revenue.negate() : revenue, BigDecimal.ZERO);
    }

    /** Revenue refunded for a return: the order still counts, its revenue less. */
    static Counts aRefund(BigDecimal amount) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, amount.negate(), BigDecimal.ZERO);
    }

    Counts plus(Counts other) {
        return new Counts(
                sent + other.sent,
                delivered + other.delivered,
                read + other.read,
                clicked + other.clicked,
                uniqueClickers + other.uniqueClickers,
                replied + other.replied,
                optedOut + other.optedOut,
                orders + other.orders,
                revenue.add(other.revenue),
                cost.add(other.cost));
    }
}

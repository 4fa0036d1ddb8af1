package io.commerce.analytics;

/**
 * The difference a campaign's messages made: the conversion of the customers it was sent to against its control
 * group's, with the 95 % confidence interval of the difference (normal approximation of two proportions, the
 * Wald interval), the relative lift, and a two-sided two-proportion z-test's p-value.
 *
 * @param absolute treatment conversion minus control conversion
 * @param low lower end of the 95 % interval of {@code absolute}
 * @param high upper end
 * @param relative {@code absolute} over the control's conversion (null when the control converted none)
 * @param pValue how likely a difference at least this large is when the messages make none
 */
public record Lift(double absolute, double low, double high, Double relative, double pValue) {

    private static final double Z95 = 1.959964;

    /** The lift of {@code converted}/{@code customers} over {@code controlConverted}/{@code controlCustomers}. */
    static Lift of(long converted, long customers, long controlConverted, long controlCustomers) {
        var treated = (double) converted / customers;
        var control = (double) controlConverted / controlCustomers;
        var difference = treated - control;
        var standardError = Math.sqrt(treated * (1 - treated) / customers + control * (1 - control) / controlCustomers);
        var pooled = (double) (converted + controlConverted) / (customers + controlCustomers);
        var pooledError = Math.sqrt(pooled * (1 - pooled) * (1.0 / customers + 1.0 / controlCustomers));
        var p = pooledError == 0 ? 1.0 : 2 * (1 - normal(Math.abs(difference) / pooledError));
        return new Lift(
                round(difference),
                round(difference - Z95 * standardError),
                round(difference + Z95 * standardError),
                control == 0 ? null : round(difference / control),
                round(p));
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26: error under 1.5e-7). */
    static double normal(double z) {
        var x = Math.abs(z) / Math.sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erf = 1
                - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                        * t
                        * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}

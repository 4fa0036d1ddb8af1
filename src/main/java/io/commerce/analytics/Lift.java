package io.commerce.analytics;

/**
 * The difference a campaign's messages made: the conversion of the customers it was sent to against its control
 * group's, with the 95 % confidence interval of the difference (Newcombe's hybrid score interval, from each
 * share's Wilson interval: unlike the normal approximation it stays honest for small groups and for shares near 0
 * or 1, where a control group that ordered nothing made the Wald interval far too narrow), the relative lift, and
 * a two-sided two-proportion z-test's p-value.
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
        var treatedInterval = wilson(converted, customers);
        var controlInterval = wilson(controlConverted, controlCustomers);
        var low = difference - Math.sqrt(square(treated - treatedInterval[0]) + square(controlInterval[1] - control));
        var high = difference + Math.sqrt(square(treatedInterval[1] - treated) + square(control - controlInterval[0]));
        var pooled = (double) (converted + controlConverted) / (customers + controlCustomers);
        var pooledError = Math.sqrt(pooled * (1 - pooled) * (1.0 / customers + 1.0 / controlCustomers));
        var p = pooledError == 0 ? 1.0 : 2 * (1 - normal(Math.abs(difference) / pooledError));
        return new Lift(
                round(difference),
                round(low),
                round(high),
                control == 0 ? null : round(difference / control),
                round(p));
    }

    /** Whether the difference is unlikely to be chance: its interval leaves out zero and p is under 5 %. */
    public boolean significant() {
        return (low > 0 || high < 0) && pValue < 0.05;
    }

    /** The Wilson score interval of {@code k} of {@code n}: {low, high}. */
    static double[] wilson(long k, long n) {
        var share = (double) k / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var centre = (share + z2 / (2.0 * n)) / denominator;
        var half = Z95 * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {centre - half, centre + half};
    }

    private static double square(double x) {
        return x * x;
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

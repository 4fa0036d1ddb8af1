package io.commerce.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The lift's interval and test against numbers worked out by hand. */
class LiftTest {

    @Test
    void liftAndItsIntervalMatchAHandComputedExample() {
        // treated 120 of 1,000 (12 %), control 20 of 250 (8 %): difference 0.04;
        // standard error sqrt(0.12 * 0.88 / 1000 + 0.08 * 0.92 / 250) = sqrt(0.0001056 + 0.0002944) = 0.02;
        // 95 % interval 0.04 ± 1.96 * 0.02 = [0.0008, 0.0792]; relative lift 0.04 / 0.08 = 0.5;
        // pooled 140 / 1250 = 0.112, its error sqrt(0.112 * 0.888 * (1/1000 + 1/250)) = 0.022300, z = 1.7937,
        // two-sided p = 2 * (1 - Φ(1.7937)) = 0.0729
        var lift = Lift.of(120, 1000, 20, 250);

        assertThat(lift.absolute()).isCloseTo(0.04, within(1e-9));
        assertThat(lift.low()).isCloseTo(0.000801, within(1e-6));
        assertThat(lift.high()).isCloseTo(0.079199, within(1e-6));
        assertThat(lift.relative()).isCloseTo(0.5, within(1e-9));
        assertThat(lift.pValue()).isCloseTo(0.0729, within(0.0005));
    }

    @Test
    void noDifferenceIsNoLiftAndNotSignificant() {
        var lift = Lift.of(50, 500, 10, 100);

        assertThat(lift.absolute()).isZero();
        assertThat(lift.low()).isNegative();
        assertThat(lift.high()).isPositive();
        assertThat(lift.pValue()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void theNormalDistributionFunctionMatchesItsTable() {
        assertThat(Lift.normal(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Lift.normal(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(Lift.normal(-1)).isCloseTo(0.158655, within(1e-6));
    }
}

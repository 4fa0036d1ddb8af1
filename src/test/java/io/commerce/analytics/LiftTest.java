package io.commerce.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The lift's interval and test against numbers worked out by hand. */
class LiftTest {

    @Test
    void liftAndItsIntervalMatchAHandComputedExample() {
        // treated 120 of 1,000 (12 %), control 20 of 250 (8 %): difference 0.04; relative lift 0.04 / 0.08 = 0.5;
        // Wilson intervals (z = 1.959964, z² = 3.841459):
        //   12 %: centre (0.12 + z²/2000) / (1 + z²/1000) = 0.121456,
        //         half z·sqrt(0.12·0.88/1000 + z²/4,000,000) / (1 + z²/1000) = 0.020154 → [0.101302, 0.141610]
        //    8 %: centre (0.08 + z²/500) / (1 + z²/250) = 0.086356,
        //         half z·sqrt(0.08·0.92/250 + z²/250,000) / (1 + z²/250) = 0.033974 → [0.052382, 0.120330]
        // Newcombe: low 0.04 - sqrt((0.12 - 0.101302)² + (0.120330 - 0.08)²) = 0.04 - 0.044454 = -0.004454,
        //           high 0.04 + sqrt((0.141610 - 0.12)² + (0.08 - 0.052382)²) = 0.04 + 0.035068 = 0.075068
        // (the Wald interval, 0.04 ± 1.96 · 0.02 = [0.0008, 0.0792], left out zero although p is 0.07);
        // pooled 140 / 1250 = 0.112, its error sqrt(0.112 · 0.888 · (1/1000 + 1/250)) = 0.022300, z = 1.7937,
        // two-sided p = 2 · (1 - Φ(1.7937)) = 0.0729
        var lift = Lift.of(120, 1000, 20, 250);

        assertThat(lift.absolute()).isCloseTo(0.04, within(1e-9));
        assertThat(lift.low()).isCloseTo(-0.004454, within(2e-6));
        assertThat(lift.high()).isCloseTo(0.075068, within(2e-6));
        assertThat(lift.relative()).isCloseTo(0.5, within(1e-9));
        assertThat(lift.pValue()).isCloseTo(0.0729, within(0.0005));
        assertThat(lift.significant()).isFalse();
    }

    @Test
    void aControlGroupThatOrderedNothingStillLeavesAWideInterval() {
        // 6 of 22 against 0 of 8 (the console's example): Wald's interval [0.087, 0.459] said "significant",
        // the test's p = 0.099 did not; Wilson for 0 of 8 reaches z²/(8 + z²) = 0.324408, so Newcombe's low end is
        // 0.272727 - sqrt((0.272727 - 0.131506)² + 0.324408²) = -0.081079
        var lift = Lift.of(6, 22, 0, 8);

        assertThat(lift.low()).isCloseTo(-0.081079, within(2e-5));
        assertThat(lift.significant()).isFalse();
        assertThat(Lift.of(60, 220, 0, 80).significant()).isTrue();
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

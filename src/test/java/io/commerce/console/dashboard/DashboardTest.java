package io.commerce.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operations view counts what this instance's meters counted to this very moment, once: a send shows at
 * once, and still once after the sampler moved it into the history.
 */
@IntegrationTest
class DashboardTest {

    @Autowired
    Dashboard dashboard;

    @Autowired
    OpsSampler sampler;

    @Autowired
    MeterRegistry registry;

    @Test
    void aSendCountsAtOnceAndOnceOnlyAfterTheSamplerWroteItDown() {
        sampler.sample();
        var before = dashboard.data("hour").now();

        sends("sent", 3);
        sends("final", 1); // failed for good

        var now = dashboard.data("hour").now();
        assertThat(now.sentInRange()).isEqualTo(before.sentInRange() + 3);
        assertThat(now.failuresInRange()).isEqualTo(before.failuresInRange() + 1);
        sampler.sample();
        var sampled = dashboard.data("hour");
        assertThat(sampled.now().sentInRange()).isEqualTo(before.sentInRange() + 3);
        assertThat(sampled.now().failuresInRange()).isEqualTo(before.failuresInRange() + 1);
        assertThat(sampled.series()).isNotEmpty();
        assertThat(sampled.now().sendLimit()).isEqualTo(80);
        assertThat(dashboard.data("day").series()).isNotEmpty();
    }

    private void sends(String outcome, int count) {
        registry.counter(
                        "messaging.sends",
                        "channel",
                        "whatsapp",
                        "category",
                        "utility",
                        "outcome",
                        outcome,
                        "origin",
                        "api")
                .increment(count);
    }
}

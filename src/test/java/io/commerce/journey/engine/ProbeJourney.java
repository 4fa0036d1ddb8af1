package io.commerce.journey.engine;

import java.util.function.Function;
import org.springframework.boot.test.context.TestComponent;

/**
 * A journey whose steps the test decides, to show the engine's own behaviour (waits, answers, timeouts,
 * refusals, retries, switches) apart from any real journey.
 */
@TestComponent
public class ProbeJourney implements Journey {

    static final String NAME = "probe";

    private volatile Function<Enrollment, Step> steps = enrollment -> Step.complete();
    private volatile boolean enabled = true;

    void behave(Function<Enrollment, Step> steps) {
        this.steps = steps;
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "discovery";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public JourneySettings settings() {
        return new Settings(enabled);
    }

    record Settings(boolean enabled) implements JourneySettings {}

    @Override
    public Step run(Enrollment enrollment) {
        return steps.apply(enrollment);
    }
}

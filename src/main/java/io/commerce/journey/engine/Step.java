package io.commerce.journey.engine;

import java.time.Duration;
import java.util.Map;

/**
 * What a journey step decided: run another step after a wait, send and wait for the customer's answer (up
 * to a timeout), finish, reach the journey's goal, or leave early with a reason. {@code remember} is added
 * to the enrollment's context for the steps that follow.
 */
public sealed interface Step {

    /** How the step turned out, as the {@code journey.steps} meter counts it. */
    String outcome();

    record Next(int step, Duration after, Map<String, String> remember) implements Step {
        @Override
        public String outcome() {
            return "next";
        }
    }

    /** Runs {@code step} when the customer answers {@code messageId}, or after {@code timeout} without an answer. */
    record AwaitReply(int step, Duration timeout, String messageId, Map<String, String> remember) implements Step {
        @Override
        public String outcome() {
            return "awaiting_reply";
        }
    }

    /** The enrollment ends: its outcome (upper-cased) becomes its status, with the reason (may be null). */
    sealed interface End extends Step {
        String reason();
    }

    /** Done without reaching the goal; {@code reason} (may be null) says how it ended, e.g. no answer. */
    record Complete(String reason) implements End {
        @Override
        public String outcome() {
            return JourneyEndings.COMPLETED;
        }
    }

    /** The goal was reached (a cart bought, a lapsed customer back): counted as a conversion. */
    record Converted(String reason) implements End {
        @Override
        public String outcome() {
            return JourneyEndings.CONVERTED;
        }
    }

    record Exit(String reason) implements End {
        @Override
        public String outcome() {
            return JourneyEndings.EXITED;
        }
    }

    static Step next(int step, Duration after) {
        return new Next(step, after, Map.of());
    }

    static Step next(int step, Duration after, Map<String, String> remember) {
        return new Next(step, after, remember);
    }

    static Step awaitReply(int step, Duration timeout, String messageId) {
        return new AwaitReply(step, timeout, messageId, Map.of());
    }

    static Step awaitReply(int step, Duration timeout, String messageId, Map<String, String> remember) {
        return new AwaitReply(step, timeout, messageId, remember);
    }

    static Step complete() {
        return new Complete(null);
    }

    static Step complete(String reason) {
        return new Complete(reason);
    }

    static Step converted(String reason) {
        return new Converted(reason);
    }

    static Step exit(String reason) {
        return new Exit(reason);
    }
}

package io.commerce.journey;

import java.time.Duration;

/** What a journey step decided: wait and run another step, finish, or leave early with a reason. */
sealed interface Step {

    record Next(int step, Duration after) implements Step {}

    record Complete() implements Step {}

    record Exit(String reason) implements Step {}

    static Step next(int step, Duration after) {
        return new Next(step, after);
    }

    static Step complete() {
        return new Complete();
    }

    static Step exit(String reason) {
        return new Exit(reason);
    }
}

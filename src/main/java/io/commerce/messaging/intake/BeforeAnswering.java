package io.commerce.messaging.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Work a webhook delivery's processing asks to run once the delivery is committed and before it is answered,
 * on the delivery's own request thread (not the intake's writer, which other deliveries wait for): a STOP's
 * withdrawal settling before Meta hears back. {@link WebhookIntake} collects it per delivery; processing that
 * runs later for a batch (inbound messages, taken together) runs within the delivery it came from.
 */
@Component
class BeforeAnswering {

    private final ThreadLocal<List<Runnable>> current = new ThreadLocal<>();

    /** Runs {@code work} asking into {@code asked} (a delivery's list; null: no delivery is being answered). */
    void within(@Nullable List<Runnable> asked, Runnable work) {
        var outer = current.get();
        current.set(asked);
        try {
            work.run();
        } finally {
            current.set(outer);
        }
    }

    /** The list the delivery being processed collects into; null outside a delivery's processing. */
    @Nullable
    List<Runnable> current() {
        return current.get();
    }

    /** Asks for {@code work} before the answer; false outside a delivery's processing (nobody to hold). */
    boolean ask(Runnable work) {
        var asked = current.get();
        if (asked == null) {
            return false;
        }
        asked.add(work);
        return true;
    }
}

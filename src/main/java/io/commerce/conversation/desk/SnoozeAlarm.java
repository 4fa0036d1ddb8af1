package io.commerce.conversation.desk;

import io.commerce.conversation.store.Conversations;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Opens snoozed conversations again when their time comes ({@code commerce.conversation.snooze-sweep}). */
@Component
class SnoozeAlarm {

    private final Conversations conversations;
    private final Clock clock;

    SnoozeAlarm(Conversations conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commerce.conversation.snooze-sweep:PT1M}")
    void wake() {
        conversations.wake(clock.instant());
    }
}

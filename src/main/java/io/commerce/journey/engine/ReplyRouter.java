package io.commerce.journey.engine;

import io.commerce.conversation.CustomerReply;
import io.commerce.conversation.ReplyHandler;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Hands a customer's answer to the enrollment waiting for it: the one waiting for the very message
 * answered, else the customer's most recent waiting one (an SMS answer names no message). The enrollment
 * runs its next step at once, with the answer in {@link Enrollment#reply()} and the channel it came on in
 * {@link Enrollment#replyChannel()} (a follow-up belongs where the customer answered: the service window is
 * open there). The conversation module offers every customer message here first; what no enrollment waits
 * for is left to it (agents, automatic answers).
 */
@Component
class ReplyRouter implements ReplyHandler {

    private final AwaitedReplies replies;
    private final JourneyMetrics metrics;
    private final Clock clock;

    ReplyRouter(AwaitedReplies replies, JourneyMetrics metrics, Clock clock) {
        this.replies = replies;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public boolean take(CustomerReply reply) {
        var taken = replies.replyArrived(
                reply.customerId(), reply.messageId(), reply.channel(), reply.payload(), reply.text(), clock.instant());
        taken.ifPresent(metrics::reply);
        return taken.isPresent();
    }

    @Override
    public Set<String> mayBeWaitingFor(Collection<String> customerIds) {
        return replies.awaitingReply(customerIds);
    }
}

package io.commerce.messaging.guardrails;

import io.commerce.consent.Grant;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the rules ask the database about a message's customer and number: one question at a time for a
 * single message ({@link PolicyGate#check}), or read for a whole claimed batch in two statements first
 * ({@link PolicyGate#factsAbout}) and then answered from memory.
 */
public interface Facts {

    boolean consented(String customerId, Channel channel, Purpose purpose);

    /** Whether the service window with this number is open on the channel. */
    boolean windowOpen(Channel channel, String phone);

    /** Whether the number wrote to us on this channel within {@code within}, from now. */
    boolean heardFromWithin(Channel channel, String phone, Duration within);

    /** Facts read beforehand: the grants of the batch's customers and when its numbers last wrote. */
    record Known(
            Set<Grant> grants,
            Map<String, Map<Channel, Instant>> lastHeard,
            Duration readWithin,
            Duration windowLength,
            Instant now)
            implements Facts {

        @Override
        public boolean consented(String customerId, Channel channel, Purpose purpose) {
            return grants.contains(new Grant(customerId, channel, purpose));
        }

        @Override
        public boolean windowOpen(Channel channel, String phone) {
            return heardFromWithin(channel, phone, windowLength);
        }

        @Override
        public boolean heardFromWithin(Channel channel, String phone, Duration within) {
            if (within.compareTo(readWithin) > 0) {
                throw new IllegalArgumentException("only " + readWithin + " back was read, not " + within);
            }
            var last = lastHeard.getOrDefault(phone, Map.of()).get(channel);
            return last != null && last.isAfter(now.minus(within));
        }
    }
}

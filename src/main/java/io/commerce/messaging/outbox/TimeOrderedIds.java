package io.commerce.messaging.outbox;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids, UUID version 7 (RFC 9562): time-ordered, so new rows land at the right edge of the primary
 * key (and of the status changes' key) instead of on random pages; with random version 4 ids, index
 * maintenance was the slowest part of queueing. {@link #next} makes one id: the time in milliseconds and
 * random bits. A record is the ids of one bulk insert: the time, random bits and a counter the database adds
 * per row; {@code high} is the first 8 bytes, {@code low} the last 8 with the counter, 32 bits, left zero.
 */
record TimeOrderedIds(long high, long low) {

    private static final long VERSION_7 = 0x7000L;

    /** One id: UUID version 7, the time in milliseconds and 74 random bits. */
    static UUID next(Instant now) {
        var random = ThreadLocalRandom.current();
        return new UUID(
                (now.toEpochMilli() << 16) | VERSION_7 | random.nextInt(1 << 12),
                Long.MIN_VALUE /* variant 10 */ | (random.nextLong() >>> 2));
    }

    static TimeOrderedIds from(Instant now) {
        var random = ThreadLocalRandom.current();
        var high = (now.toEpochMilli() << 16) | VERSION_7 | random.nextInt(1 << 12);
        var low = Long.MIN_VALUE /* variant 10 */ | ((long) random.nextInt(1 << 30) << 32);
        return new TimeOrderedIds(high, low);
    }
}

package io.commerce.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

    @Test
    void oneIdIsAVersion7UuidCarryingItsMillisecond() {
        var id = TimeOrderedIds.next(NOW);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void idsOfALaterMillisecondSortAfterEarlierOnes() {
        var earlier = TimeOrderedIds.next(NOW);
        var later = TimeOrderedIds.next(NOW.plusMillis(1));

        // PostgreSQL orders uuids by their bytes, unsigned: the time leads
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                .isPositive();
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        var ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(TimeOrderedIds.next(NOW)));

        assertThat(ids).hasSize(10_000);
    }
}

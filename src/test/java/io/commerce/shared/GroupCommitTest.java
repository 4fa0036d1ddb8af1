package io.commerce.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void requestsThatArriveWhileABatchIsWrittenShareTheNextAndEachGetsItsOwnAnswer() throws Exception {
        var firstWriting = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var batches = new CopyOnWriteArrayList<List<Integer>>();
        var commits = new GroupCommit<Integer, String>("test-writer", 1, 200, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                firstWriting.countDown();
                awaitQuietly(releaseFirst);
            }
            return batch.stream().map(i -> "answer " + i).toList();
        });
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = requests.submit(() -> commits.write(0));
            firstWriting.await();
            var others = IntStream.rangeClosed(1, 50)
                    .mapToObj(i -> requests.submit(() -> commits.write(i)))
                    .toList();
            await().until(() -> others.stream().noneMatch(f -> f.isDone()) && commits.queued() == 50);
            releaseFirst.countDown();

            assertThat(first.get()).isEqualTo("answer 0");
            for (var i = 1; i <= 50; i++) {
                assertThat(others.get(i - 1).get()).isEqualTo("answer " + i);
            }
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(50);
    }

    @Test
    void aBatchThatFailsIsWrittenAgainItemByItemSoOnlyTheBadItemsRequestFails() throws Exception {
        var commits = new GroupCommit<Integer, Integer>("test-writer", 1, 200, batch -> {
            if (batch.contains(13)) {
                throw new IllegalArgumentException("13 is refused");
            }
            return batch;
        });
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            var all = IntStream.range(0, 30)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> commits.write(i), requests))
                    .toList();
            for (var i = 0; i < 30; i++) {
                if (i == 13) {
                    var bad = all.get(i);
                    assertThatThrownBy(bad::join).hasRootCauseMessage("13 is refused");
                } else {
                    assertThat(all.get(i).join()).isEqualTo(i);
                }
            }
        }
    }

    @Test
    void anErrorInTheWriterFailsItsBatchAndTheWriterGoesOnToTheNext() {
        var commits = new GroupCommit<Integer, Integer>("test-writer", 1, 200, batch -> {
            if (batch.contains(1)) {
                throw new StackOverflowError("deep");
            }
            return batch;
        });

        assertThatThrownBy(() -> commits.write(1)).hasRootCauseInstanceOf(StackOverflowError.class);
        assertThat(commits.write(2)).isEqualTo(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

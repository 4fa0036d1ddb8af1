package io.commerce.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

/**
 * The asynchronous event listeners' executor runs a bounded number of them at once and queues the rest, so
 * that a burst of events cannot start more listeners than the database has connections for.
 */
@IntegrationTest
class ListenerExecutorTest {

    @Autowired
    @Qualifier("applicationTaskExecutor")
    TaskExecutor executor;

    @Test
    void aBurstRunsSixAtOnceAndTheRestWaitInOrder() throws InterruptedException {
        var release = new CountDownLatch(1);
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            executor.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                    done.countDown();
                }
            });
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 6);
        assertThat(done.getCount()).isEqualTo(20);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.getCount() == 0);
        assertThat(mostAtOnce.get()).isEqualTo(6);
    }
}

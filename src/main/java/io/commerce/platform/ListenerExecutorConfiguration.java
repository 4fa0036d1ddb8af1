package io.commerce.platform;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor that runs the asynchronous event listeners ({@code @ApplicationModuleListener}): a fixed number
 * of threads ({@code spring.task.execution.pool.core-size}) behind an unbounded queue, instead of Spring Boot's
 * default with virtual threads, one new thread per event without limit. Unlimited, a burst of inbound messages
 * started a listener per message at once, each waiting for one of the pool's few database connections (and
 * the webhooks' writers waiting behind them) until they timed out; bounded, the listeners take the connections
 * in turn, the webhooks get theirs, and events wait in order in the queue (their publications stay in the
 * database until handled, so a crash loses none). See docs/adr/0015-bounded-listener-executor.md.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration {

    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.build();
    }
}

package io.commerce.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.CommerceApplication;
import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.customer.CustomerDetails;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The run command's database: without {@code spring.datasource.url} the application starts its own
 * PostgreSQL in the configured folder, and a second start finds the first one's data, including messages
 * that were still queued when it stopped, which it then sends.
 */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartKeepsTheDataAndSendsTheMessagesLeftInFlight() {
        String messageId;
        try (var first = start(false)) {
            first.getBean(CustomerService.class)
                    .upsert(
                            "restart-1",
                            new CustomerDetails(
                                    "+34612345678", "Sara", null, null, null, null, null, List.of(), Map.of()));
            first.getBean(ConsentService.class)
                    .record(
                            "restart-1",
                            Channel.WHATSAPP,
                            Purpose.TRANSACTIONAL,
                            new ConsentChange(ConsentStatus.GRANTED, "test", null));
            messageId = first.getBean(MessagingService.class)
                    .send(new SendCommand(
                            "restart-1",
                            Purpose.TRANSACTIONAL,
                            Channel.WHATSAPP,
                            new OutboundContent.Template("order_shipped", Map.of("orderId", "1001")),
                            null))
                    .messageId();
        }

        try (var second = start(true)) {
            assertThat(second.getBean(CustomerService.class).get("restart-1").phone())
                    .isEqualTo("+34612345678");
            var messaging = second.getBean(MessagingService.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> messaging.get(messageId).status() == MessageStatus.READ);
        }
    }

    private ConfigurableApplicationContext start(boolean dispatching) {
        return new SpringApplicationBuilder(CommerceApplication.class)
                .run(
                        "--server.port=0",
                        "--commerce.api.keys=test-key",
                        "--commerce.embedded-postgres.data-directory=" + dataDirectory,
                        "--commerce.messaging.dispatcher.enabled=" + dispatching,
                        "--commerce.messaging.dispatcher.poll-interval=PT0.05S",
                        "--commerce.sandbox.status-delay=PT0.1S",
                        "--logging.level.io.zonky=WARN");
    }
}

package io.commerce.messaging.dispatch;

import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction run again when PostgreSQL rolled it back to break a deadlock or a serialisation conflict
 * (SQLSTATE 40P01, 40001; Spring's {@link PessimisticLockingFailureException}): up to four more times,
 * after about 20, 40, 80, 160 ms. Messaging's statements lock messages in one order, so deadlocks among
 * them should not happen; this covers what remains (a consent row and a message row taken in opposite
 * orders by a STOP and an opt-out report in two webhooks). Any other failure is not retried.
 */
@Component
public class RetriedTransactions {

    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class)
            .maxRetries(4)
            .delay(Duration.ofMillis(20))
            .jitter(Duration.ofMillis(10))
            .multiplier(2)
            .build());
    private final TransactionTemplate transaction;

    RetriedTransactions(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    /** Runs {@code work} in a transaction, again if the transaction lost a lock conflict. */
    public void run(Consumer<TransactionStatus> work) {
        retry.invoke(() -> transaction.executeWithoutResult(work));
    }
}

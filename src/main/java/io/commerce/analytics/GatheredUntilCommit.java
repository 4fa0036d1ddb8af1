package io.commerce.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Items offered during a transaction, handed over together just before it commits, still inside it: the figures
 * of a batch of sends or statuses cost one statement, and they commit (or roll back) with what they count.
 * Outside a transaction an item is handed over at once. The consumer must not itself gather until commit:
 * synchronizations registered while committing do not run.
 */
final class GatheredUntilCommit<T> {

    private final Consumer<List<T>> consumer;

    GatheredUntilCommit(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    void offer(T item) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            consumer.accept(List.of(item));
            return;
        }
        @SuppressWarnings("unchecked")
        var gathered = (List<T>) TransactionSynchronizationManager.getResource(this);
        if (gathered == null) {
            var items = new ArrayList<T>();
            TransactionSynchronizationManager.bindResource(this, items);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    consumer.accept(List.copyOf(items));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(GatheredUntilCommit.this);
                }
            });
            gathered = items;
        }
        gathered.add(item);
    }
}

package io.commerce;

import io.commerce.order.OrderPlaced;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A module listener as later modules will have them: after commit, in its own transaction, tracked by
 * the event publication registry. It can be told to fail, to show that a failed delivery is kept.
 */
@TestComponent
public class RecordingListener {

    private final List<OrderPlaced> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        if (failing.get()) {
            throw new IllegalStateException("listener down for " + event.orderId());
        }
        received.add(event);
    }

    public List<OrderPlaced> received() {
        return received;
    }

    public void failing(boolean fail) {
        failing.set(fail);
    }
}

package social.starling.service.event;

import java.util.function.Consumer;
import social.starling.db.Tx;

/** The bus of a single node: after commit, this process's listeners are called on the committing thread. */
public final class InProcessEventBus implements EventBus {
    private final Subscribers subscribers = new Subscribers();

    @Override
    public void publish(Tx tx, Event event) {
        tx.afterCommit(() -> subscribers.deliver(event));
    }

    @Override
    public <E extends Event> void subscribe(Class<E> type, Consumer<? super E> listener) {
        subscribers.add(type, listener);
    }
}

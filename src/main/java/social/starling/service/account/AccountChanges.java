package social.starling.service.account;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Tells this node's caches that an account or its login changed (profile, role, state, password), so the next
 * request sees the change. Services call {@link #changed(long)} after their transaction commits.
 */
public final class AccountChanges {
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    public void listen(LongConsumer listener) {
        listeners.add(listener);
    }

    public void changed(long accountId) {
        listeners.forEach(l -> l.accept(accountId));
    }
}

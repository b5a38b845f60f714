package social.starling.service.account;

import java.util.function.LongConsumer;
import social.starling.db.Tx;
import social.starling.service.event.AccountChanged;
import social.starling.service.event.Events;

/**
 * Tells every node's caches that an account or its login changed (profile, role, state, password, relations), so
 * the next request anywhere sees the change: {@link #changed} publishes {@link AccountChanged} on the event bus,
 * which calls the {@link #listen listeners} on every node once the transaction commits.
 */
public final class AccountChanges {
    private final Events events;

    public AccountChanges(Events events) {
        this.events = events;
    }

    /** {@code listener} gets the id of every changed account, from this node or another. */
    public void listen(LongConsumer listener) {
        events.subscribe(AccountChanged.class, e -> listener.accept(e.accountId()));
    }

    /** Once {@code tx} commits (never if it rolls back), tells every node that the account changed. */
    public void changed(Tx tx, long accountId) {
        events.publish(tx, new AccountChanged(accountId));
    }
}

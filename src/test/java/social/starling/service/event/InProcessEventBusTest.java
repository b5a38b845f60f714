package social.starling.service.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.Database;
import social.starling.testing.TestApp;

/** The single-node bus: listeners hear an event after its transaction commits, and never if it rolls back. */
class InProcessEventBusTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    final InProcessEventBus bus = new InProcessEventBus();
    final List<Long> heard = new CopyOnWriteArrayList<>();

    Database db() {
        return server.app().core().db();
    }

    @Test
    void listenersHearAnEventOnlyOnceItsTransactionCommitted() {
        bus.subscribe(AccountChanged.class, e -> heard.add(e.accountId()));
        db().inTransaction(tx -> {
            bus.publish(tx, new AccountChanged(1));
            assertThat(heard).as("before commit").isEmpty();
            return null;
        });
        assertThat(heard).containsExactly(1L);
    }

    @Test
    void aRolledBackTransactionTellsNobody() {
        bus.subscribe(AccountChanged.class, e -> heard.add(e.accountId()));
        assertThatThrownBy(() -> db().inTransaction(tx -> {
            bus.publish(tx, new AccountChanged(2));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(heard).isEmpty();
    }

    @Test
    void anEventPublishedInAJoinedTransactionWaitsForTheOuterCommit() {
        bus.subscribe(AccountChanged.class, e -> heard.add(e.accountId()));
        db().inTransaction(outer -> {
            db().inTransaction(inner -> {
                bus.publish(inner, new AccountChanged(3));
                return null;
            });
            assertThat(heard).as("inner transaction returned, outer still open").isEmpty();
            return null;
        });
        assertThat(heard).containsExactly(3L);
    }

    @Test
    void listenersHearOnlyTheirTypeAndOneFailingListenerDoesNotStopTheOthers() {
        List<Long> rows = new CopyOnWriteArrayList<>();
        bus.subscribe(AccountChanged.class, e -> {
            throw new IllegalStateException("listener bug");
        });
        bus.subscribe(AccountChanged.class, e -> heard.add(e.accountId()));
        bus.subscribe(AccountRowChanged.class, e -> rows.add(e.accountId()));
        db().inTransaction(tx -> {
            bus.publish(tx, new AccountChanged(4));
            bus.publish(tx, new AccountRowChanged(5));
            return null;
        });
        assertThat(heard).containsExactly(4L);
        assertThat(rows).containsExactly(5L);
    }
}

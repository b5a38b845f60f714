package social.starling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.db.schema.Tables.ACCOUNTS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.testing.TestApp;

/** An account row read again unchanged is the instance read before; a changed one is not. */
class AccountRowIdentityTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void anUnchangedRowReadAgainIsTheSameInstanceAndAChangedOneIsNew() {
        long id = server.fixtures().account("identity_alice").id();
        Database db = server.app().core().db();
        AccountRepository accounts = server.app().repos().accounts();

        Account first = db.read(tx -> accounts.findAll(tx, List.of(id))).getFirst();
        accounts.forget(id); // as when the 10 s cache expires
        Account again = db.read(tx -> accounts.findAll(tx, List.of(id))).getFirst();
        assertThat(again).isSameAs(first);

        db.inTransaction(tx -> TestSql.dsl(tx).update(ACCOUNTS).set(ACCOUNTS.DISPLAY_NAME, "Alice Renamed")
                .where(ACCOUNTS.ID.eq(id)).execute());
        accounts.forget(id);
        Account changed = db.read(tx -> accounts.findAll(tx, List.of(id))).getFirst();
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.displayName()).isEqualTo("Alice Renamed");
    }
}

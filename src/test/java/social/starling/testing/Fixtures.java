package social.starling.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import social.starling.App;
import social.starling.model.Account;
import social.starling.model.Role;
import social.starling.service.account.NewLocalAccount;

/**
 * Named test data: {@code fixtures.account("alice")} creates alice once (confirmed, approved, password
 * {@link #PASSWORD}) and returns the same account on later calls.
 */
public final class Fixtures {
    public static final String PASSWORD = "correct horse battery staple";

    private final App app;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    Fixtures(App app) {
        this.app = app;
    }

    public Account account(String username) {
        return accounts.computeIfAbsent(username, name -> app.accounts().createLocalAccount().create(
                NewLocalAccount.ready(name, name + "@example.test", PASSWORD, Role.USER)));
    }

    public Account account(String username, Role role) {
        return accounts.computeIfAbsent(username, name -> app.accounts().createLocalAccount().create(
                NewLocalAccount.ready(name, name + "@example.test", PASSWORD, role)));
    }
}

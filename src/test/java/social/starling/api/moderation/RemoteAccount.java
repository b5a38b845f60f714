package social.starling.api.moderation;

import java.time.Instant;
import java.util.List;
import social.starling.App;
import social.starling.model.Account;

/** A remote account written straight to the database, for moderating one without a federation peer. */
final class RemoteAccount {
    private RemoteAccount() {
    }

    static Account insert(App app, String username, String domain) {
        Instant now = app.core().clock().instant();
        String uri = "https://" + domain + "/users/" + username;
        Account a = new Account(app.core().ids().next(), username, domain, "", "", "", List.of(), uri,
                "https://" + domain + "/@" + username, uri + "/inbox", "https://" + domain + "/inbox", uri + "/outbox",
                uri + "/followers", uri + "/following", null, "Person", false, true, false, false, false, null, null,
                null, null, null, 0, 0, 0, null, null, null, now, now);
        app.core().db().inTransaction(tx -> {
            app.repos().accounts().insert(tx, a, null);
            return null;
        });
        return a;
    }
}

package social.starling.api.graph;

import java.time.Instant;
import java.util.List;
import social.starling.App;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.Visibility;

/** Remote accounts (through the account write path) and statuses written straight to the database. */
final class Remote {
    private Remote() {
    }

    static Account account(App app, String username, String domain) {
        Instant now = app.core().clock().instant();
        String base = "https://" + domain + "/users/" + username;
        Account a = new Account(app.core().ids().next(), username, domain, "", "", "", List.of(), base,
                "https://" + domain + "/@" + username, base + "/inbox", null, base + "/outbox", base + "/followers",
                base + "/following", null, "Person", false, true, false, false, false, null, null, null, null, null,
                0, 0, 0, null, null, null, now, now);
        return app.core().db().inTransaction(tx -> app.accounts().writer().upsertRemote(tx, a, now));
    }

    /** A public status by a remote account, with the given hashtags attached. */
    static long status(App app, Account author, String text, String... tags) {
        long id = app.core().ids().next();
        Instant now = app.core().clock().instant();
        Status s = new Status(id, author.id(), author.uri() + "/statuses/" + id, null, false, Visibility.PUBLIC,
                "", "<p>" + text + "</p>", "", false, null, null, null, null, null, null, null, 0, 0, 0, 0, null,
                now);
        app.core().db().inTransaction(tx -> {
            app.repos().statuses().insert(tx, s);
            for (String tag : tags) {
                app.repos().tags().attach(tx, id, app.repos().tags().findOrCreate(tx, tag, app.core().ids(), now).id(), now);
            }
            return null;
        });
        return id;
    }
}

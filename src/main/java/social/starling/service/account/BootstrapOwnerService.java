package social.starling.service.account;

import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.model.Role;

/**
 * On a server's first start, creates the owner account with a random password, so there is someone to log in as.
 * Returns the credentials once, to be printed; later starts find the owner and do nothing.
 */
public final class BootstrapOwnerService {
    public record Credentials(String username, String email, String password) {
    }

    private final Database db;
    private final UserRepository users;
    private final CreateLocalAccountService create;
    private final String username;
    private final String email;

    public BootstrapOwnerService(Database db, UserRepository users, CreateLocalAccountService create,
                                 String username, String email) {
        this.db = db;
        this.users = users;
        this.create = create;
        this.username = username;
        this.email = email;
    }

    public Optional<Credentials> ensureOwner() {
        if (db.read(tx -> users.anyWithRole(tx, Role.OWNER))) {
            return Optional.empty();
        }
        String password = social.starling.support.Secrets.password(20);
        create.create(NewLocalAccount.ready(username, email, password, Role.OWNER));
        return Optional.of(new Credentials(username, email, password));
    }
}

package social.starling.service.oauth;

import java.util.Optional;
import social.starling.model.Account;
import social.starling.model.User;
import social.starling.model.oauth.AccessToken;

/**
 * Who is calling the API: the token and, for user tokens, the account and login behind it (a snapshot, refreshed
 * when the account changes on this node and at most a minute old otherwise).
 */
public record Caller(AccessToken token, Account account, User user) {
    public Optional<Account> optionalAccount() {
        return Optional.ofNullable(account);
    }

    public boolean hasUser() {
        return account != null && user != null;
    }

    public long accountId() {
        return account.id();
    }
}

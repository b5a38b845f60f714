package social.starling.service.status;

import java.util.List;
import social.starling.model.Account;

/**
 * The post names accounts that {@code allowed_mentions} did not list (Mastodon's
 * PostStatusService::UnexpectedMentionsError): nothing is posted, and the API answers 422 with the message and the
 * accounts, so the app can ask before sending the post to them.
 */
public final class UnexpectedMentionsException extends RuntimeException {
    private final transient List<Account> accounts;

    public UnexpectedMentionsException(List<Account> accounts) {
        super("Post would be sent to unexpected accounts", null, false, false);
        this.accounts = List.copyOf(accounts);
    }

    public List<Account> accounts() {
        return accounts;
    }
}

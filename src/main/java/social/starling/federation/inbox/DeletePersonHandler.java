package social.starling.federation.inbox;

import social.starling.service.account.DeleteRemoteAccountService;

/**
 * {@code Delete} whose object is the sender itself (Mastodon's delete.rb {@code delete_person}): the remote account's
 * statuses, follows and favourites are removed and the account is kept only as a suspended row
 * ({@link DeleteRemoteAccountService}).
 */
public final class DeletePersonHandler implements ActivityHandler {
    private final DeleteRemoteAccountService accounts;

    public DeletePersonHandler(DeleteRemoteAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        accounts.delete(a.actor().id());
    }
}

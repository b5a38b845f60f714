package social.starling.convert;

import java.time.Instant;
import java.util.List;
import social.starling.convert.entity.AdminAccountEntity;
import social.starling.model.Account;
import social.starling.model.Role;
import social.starling.model.User;

/** Account (and its login, for a local one) → Mastodon's Admin::Account. */
public final class AdminAccountApiMapper {
    private final AccountApiMapper accounts;

    public AdminAccountApiMapper(AccountApiMapper accounts) {
        this.accounts = accounts;
    }

    /**
     * {@code user} is null for a remote account; {@code ip} is the last address known for the login (sign-up's if
     * nothing later), null if none; {@code sensitized} is whether moderators force its media to be sensitive.
     */
    public AdminAccountEntity toApi(Account a, User user, String ip, boolean sensitized) {
        List<AdminAccountEntity.Ip> ips = ip == null ? List.of()
                : List.of(new AdminAccountEntity.Ip(ip, user != null && user.lastActiveAt() != null
                        ? user.lastActiveAt() : a.createdAt()));
        Instant created = a.createdAt();
        return new AdminAccountEntity(Long.toString(a.id()), a.username(), a.domain(), created,
                user == null ? null : user.email(), ip, ips, user == null ? null : user.locale(),
                user == null ? null : user.signUpReason(),
                AccountApiMapper.role(user == null ? Role.USER : user.role()),
                user != null && user.confirmed(), user == null || user.approved(), user != null && user.disabled(),
                a.silencedAt() != null, a.suspended(), sensitized, accounts.toApi(a), null,
                null);
    }
}

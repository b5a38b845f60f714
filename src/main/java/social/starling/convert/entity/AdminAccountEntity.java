package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Admin::Account (entities/Admin_Account.md): what moderators see of an account, local or remote. For a
 * remote account the login fields are null or false, as Mastodon's serializer leaves them. The two optional ids are
 * left out when unknown.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminAccountEntity(
        String id,
        String username,
        String domain,
        Instant createdAt,
        String email,
        String ip,
        List<Ip> ips,
        String locale,
        String inviteRequest,
        AccountEntity.RoleEntity role,
        boolean confirmed,
        boolean approved,
        boolean disabled,
        boolean silenced,
        boolean suspended,
        boolean sensitized,
        AccountEntity account,
        @JsonInclude(JsonInclude.Include.NON_NULL) String createdByApplicationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String invitedByAccountId) {

    /** Mastodon's Admin::Ip: an address the account used, and when last. */
    public record Ip(String ip, Instant usedAt) {
    }
}

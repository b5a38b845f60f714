package social.starling.convert.entity;

/**
 * Mastodon's PartialAccountWithAvatar (entities/Account.md#PartialAccountWithAvatar), 4.3.0: the stripped-down
 * account of grouped notifications' {@code partial_accounts}. {@code avatar_description} was added in 4.6.0.
 */
public record PartialAccountWithAvatarEntity(
        String id,
        String acct,
        String url,
        String avatar,
        String avatarStatic,
        String avatarDescription,
        boolean locked,
        boolean bot) {
}

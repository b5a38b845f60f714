package social.starling.convert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import social.starling.convert.entity.AccountEntity;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.Role;
import social.starling.model.User;

/** Account (model) → Mastodon's Account entity. */
public final class AccountApiMapper {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final LocalUris uris;

    public AccountApiMapper(LocalUris uris) {
        this.uris = uris;
    }

    /**
     * The entity of an account row, kept while the row itself is (held weakly, by identity): rows come from the
     * account cache, so a page's authors are mapped once, not on every request, and the JSON memo then compares
     * the same entity instance instead of an equal one field by field.
     */
    private final Cache<Account, AccountEntity> entities = Caffeine.newBuilder().weakKeys()
            .maximumSize(100_000).build();

    public AccountEntity toApi(Account a) {
        return entities.get(a, this::entity);
    }

    private AccountEntity entity(Account a) {
        String avatar = avatarUrl(a);
        String header = headerUrl(a);
        boolean suspended = a.suspended();
        return new AccountEntity(
                Long.toString(a.id()),
                a.username(),
                a.acct(),
                a.url() != null ? a.url() : a.uri(),
                a.uri(),
                suspended ? "" : a.displayName(),
                suspended ? "" : a.note(),
                avatar, avatar, header, header,
                a.locked(),
                suspended ? List.of() : a.fields().stream()
                        .map(f -> new AccountEntity.FieldEntity(f.name(), f.value(), f.verifiedAt()))
                        .toList(),
                List.of(),
                a.bot(),
                a.group(),
                a.discoverable(),
                a.indexable(),
                a.isLocal() ? !a.indexable() : null,
                null,
                suspended ? Boolean.TRUE : null,
                a.silencedAt() != null ? Boolean.TRUE : null,
                a.memorial() ? Boolean.TRUE : null,
                a.hideCollections(),
                // Mastodon rounds created_at down to the day, for privacy.
                a.createdAt().truncatedTo(ChronoUnit.DAYS),
                a.lastStatusAt() == null ? null : DAY.format(a.lastStatusAt()),
                a.statusesCount(),
                a.followersCount(),
                a.followingCount(),
                List.of(),
                null,
                null);
    }

    /**
     * CredentialAccount: the caller's own account, with {@code source} (its profile fields as typed in
     * {@code fieldsSource}) and {@code role}.
     */
    public AccountEntity toCredential(Account a, User user, int followRequestsCount, List<Account.Field> fieldsSource) {
        return toCredential(a, user, followRequestsCount, fieldsSource, List.of());
    }

    /** The same, with the account's {@code source.attribution_domains} (Mastodon 4.4). */
    public AccountEntity toCredential(Account a, User user, int followRequestsCount, List<Account.Field> fieldsSource,
                                      List<String> attributionDomains) {
        var typedFields = fieldsSource.stream()
                .map(f -> new AccountEntity.FieldEntity(f.name(), f.value(), f.verifiedAt()))
                .toList();
        var source = new AccountEntity.SourceEntity(a.noteSource(), typedFields, user.defaultPrivacy(),
                user.defaultSensitive(), user.defaultLanguage() == null ? "" : user.defaultLanguage(),
                followRequestsCount, a.hideCollections(), a.discoverable(), a.indexable(), attributionDomains,
                user.defaultQuotePolicy() == null ? "public" : user.defaultQuotePolicy());
        AccountEntity base = toApi(a);
        AccountEntity withRoles = new AccountEntity(base.id(), base.username(), base.acct(), base.url(), base.uri(),
                base.displayName(), base.note(), base.avatar(), base.avatarStatic(), base.header(), base.headerStatic(),
                base.locked(), base.fields(), base.emojis(), base.bot(), base.group(), base.discoverable(),
                base.indexable(), base.noindex(), base.moved(), base.suspended(), base.limited(), base.memorial(),
                base.hideCollections(), base.createdAt(), base.lastStatusAt(), base.statusesCount(),
                base.followersCount(), base.followingCount(), accountRoles(user.role()), null, null);
        return withRoles.withCredentials(source, role(user.role()));
    }

    /** The highlighted roles a profile shows: staff roles, as Mastodon's defaults highlight them. */
    public static List<AccountEntity.AccountRoleEntity> accountRoles(Role role) {
        return role.isStaff() ? List.of(new AccountEntity.AccountRoleEntity(roleId(role), roleName(role), ""))
                : List.of();
    }

    /** Mastodon's Role for a user; permissions is Mastodon's bitmask (1 = administrator, 65536 = invite users). */
    public static AccountEntity.RoleEntity role(Role role) {
        String permissions = Long.toString(role.permissions());
        return new AccountEntity.RoleEntity(roleId(role), roleName(role), permissions, "", role.isStaff());
    }

    private static String roleId(Role role) {
        return switch (role) {
            case OWNER -> "3";
            case ADMIN -> "2";
            case MODERATOR -> "1";
            case USER -> "-99";
        };
    }

    private static String roleName(Role role) {
        return switch (role) {
            case OWNER -> "Owner";
            case ADMIN -> "Admin";
            case MODERATOR -> "Moderator";
            case USER -> "";
        };
    }

    public String avatarUrl(Account a) {
        if (a.avatarFile() != null) {
            return uris.media(a.avatarFile());
        }
        if (a.avatarRemoteUrl() != null && !a.avatarRemoteUrl().isBlank()) {
            return a.avatarRemoteUrl();
        }
        return uris.baseUrl() + "/avatars/original/missing.png";
    }

    public String headerUrl(Account a) {
        if (a.headerFile() != null) {
            return uris.media(a.headerFile());
        }
        if (a.headerRemoteUrl() != null && !a.headerRemoteUrl().isBlank()) {
            return a.headerRemoteUrl();
        }
        return uris.baseUrl() + "/headers/original/missing.png";
    }
}

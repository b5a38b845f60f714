package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Account (entities/Account.md, at the 4.5 level Starling reports). Optional attributes
 * ({@code moved}, {@code suspended}, {@code limited}, {@code memorial}, {@code noindex}, and the CredentialAccount
 * extras {@code source} and {@code role}) are left out when null, as Mastodon's serializer omits them; nullable ones
 * ({@code last_status_at}, {@code hide_collections}) are written as null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccountEntity(
        String id,
        String username,
        String acct,
        String url,
        String uri,
        String displayName,
        String note,
        String avatar,
        String avatarStatic,
        String header,
        String headerStatic,
        boolean locked,
        List<FieldEntity> fields,
        List<CustomEmojiEntity> emojis,
        boolean bot,
        boolean group,
        Boolean discoverable,
        boolean indexable,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean noindex,
        @JsonInclude(JsonInclude.Include.NON_NULL) AccountEntity moved,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suspended,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean limited,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean memorial,
        Boolean hideCollections,
        Instant createdAt,
        String lastStatusAt,
        int statusesCount,
        int followersCount,
        int followingCount,
        List<AccountRoleEntity> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) SourceEntity source,
        @JsonInclude(JsonInclude.Include.NON_NULL) RoleEntity role) {

    /**
     * Over a few fields that tell versions of an account apart, not all of them: equal entities still hash alike, and
     * the JSON memo, which hashes every entity it looks up, does not walk thirty fields each time.
     */
    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(id);
        h = 31 * h + statusesCount;
        h = 31 * h + followersCount;
        h = 31 * h + followingCount;
        return 31 * h + java.util.Objects.hashCode(lastStatusAt);
    }

    /** Mastodon's Field: name, value as HTML, and when the link in value was verified. */
    public record FieldEntity(String name, String value, Instant verifiedAt) {
    }

    /** AccountRole, as listed in {@code roles}: the highlighted roles shown on a profile. */
    public record AccountRoleEntity(String id, String name, String color) {
    }

    /** Mastodon's Role, as CredentialAccount's {@code role}; {@code permissions} is a bitmask as a string. */
    public record RoleEntity(String id, String name, String permissions, String color, boolean highlighted) {
    }

    /** CredentialAccount's {@code source}: the raw texts and posting defaults. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SourceEntity(String note, List<FieldEntity> fields, String privacy, boolean sensitive,
                               String language, int followRequestsCount, Boolean hideCollections,
                               Boolean discoverable, boolean indexable, List<String> attributionDomains,
                               String quotePolicy) {
    }

    /** The same account with a credential {@code source} and {@code role} attached. */
    public AccountEntity withCredentials(SourceEntity source, RoleEntity role) {
        return new AccountEntity(id, username, acct, url, uri, displayName, note, avatar, avatarStatic, header,
                headerStatic, locked, fields, emojis, bot, group, discoverable, indexable, noindex, moved, suspended,
                limited, memorial, hideCollections, createdAt, lastStatusAt, statusesCount, followersCount,
                followingCount, roles, source, role);
    }
}

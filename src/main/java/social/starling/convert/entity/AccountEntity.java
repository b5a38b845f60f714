package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Mastodon's Account. Optional attributes ({@code moved}, {@code suspended}, {@code limited}, {@code memorial},
 * {@code noindex}, {@code source}, {@code role}) are left out when null, as Mastodon's serializer omits them.
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
        List<Object> emojis,
        boolean bot,
        boolean group,
        Boolean discoverable,
        Boolean indexable,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean noindex,
        @JsonInclude(JsonInclude.Include.NON_NULL) AccountEntity moved,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suspended,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean limited,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean memorial,
        boolean hideCollections,
        String createdAt,
        String lastStatusAt,
        int statusesCount,
        int followersCount,
        int followingCount,
        List<RoleEntity> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) SourceEntity source,
        @JsonInclude(JsonInclude.Include.NON_NULL) RoleEntity role) {

    /** Mastodon's Field: name, value as HTML, and when the link in value was verified. */
    public record FieldEntity(String name, String value, String verifiedAt) {
    }

    /** Mastodon's Role as shown on accounts (roles[]) and credential accounts (role). */
    public record RoleEntity(String id, String name, String color, String permissions, boolean highlighted) {
    }

    /** CredentialAccount's source: the raw texts and posting defaults. */
    public record SourceEntity(String note, List<FieldEntity> fields, String privacy, boolean sensitive,
                               String language, int followRequestsCount, String quotePolicy,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean hideCollections,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean discoverable,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean indexable) {
    }

    /** The same account with a credential {@code source} and {@code role} attached. */
    public AccountEntity withCredentials(SourceEntity source, RoleEntity role) {
        return new AccountEntity(id, username, acct, url, uri, displayName, note, avatar, avatarStatic, header,
                headerStatic, locked, fields, emojis, bot, group, discoverable, indexable, noindex, moved, suspended,
                limited, memorial, hideCollections, createdAt, lastStatusAt, statusesCount, followersCount,
                followingCount, roles, source, role);
    }
}

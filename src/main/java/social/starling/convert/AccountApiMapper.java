package social.starling.convert;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import social.starling.convert.entity.AccountEntity;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.support.Json;

/** Account (model) → Mastodon's Account entity. */
public final class AccountApiMapper {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final LocalUris uris;

    public AccountApiMapper(LocalUris uris) {
        this.uris = uris;
    }

    public AccountEntity toApi(Account a) {
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
                        .map(f -> new AccountEntity.FieldEntity(f.name(), f.value(),
                                f.verifiedAt() == null ? null : Json.MASTODON_TIME.format(f.verifiedAt())))
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
                Json.MASTODON_TIME.format(a.createdAt().truncatedTo(ChronoUnit.DAYS)),
                a.lastStatusAt() == null ? null : DAY.format(a.lastStatusAt()),
                a.statusesCount(),
                a.followersCount(),
                a.followingCount(),
                List.of(),
                null,
                null);
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

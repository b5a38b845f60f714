package social.starling.convert.entity;

import java.util.List;

/** Mastodon's Search (entities/Search.md): results of GET /api/v2/search; {@code collections} since 4.6.0. */
public record SearchEntity(
        List<AccountEntity> accounts,
        List<StatusEntity> statuses,
        List<TagEntity> hashtags,
        List<CollectionEntity> collections) {
}

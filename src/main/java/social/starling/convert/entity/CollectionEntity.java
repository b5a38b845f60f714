package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Collection (entities/Collection.md), 4.6.0: a curated list of recommended accounts; needed by
 * Search {@code collections}. {@code url} and {@code language} are nullable; the documentation gives
 * {@code tag} no type, clients read it as a nullable ShallowTag.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CollectionEntity(
        String id,
        String accountId,
        String uri,
        String url,
        String name,
        String description,
        String language,
        boolean local,
        boolean sensitive,
        boolean discoverable,
        ShallowTag tag,
        Instant createdAt,
        Instant updatedAt,
        int itemCount,
        List<Item> items) {

    /** Mastodon's ShallowTag (entities/ShallowTag.md), 4.6.0. */
    public record ShallowTag(String name, String url) {
    }

    /**
     * Mastodon's CollectionItem (entities/CollectionItem.md), 4.6.0; {@code account_id} is nullable,
     * {@code state} is pending, accepted, rejected or revoked.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(String id, String accountId, String state, Instant createdAt) {
    }
}

package social.starling.convert.entity;

import java.util.List;

/** Mastodon's FamiliarFollowers (entities/FamiliarFollowers.md), 3.5.0: your follows who also follow {@code id}. */
public record FamiliarFollowersEntity(String id, List<AccountEntity> accounts) {
}

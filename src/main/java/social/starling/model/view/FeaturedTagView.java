package social.starling.model.view;

import java.time.Instant;

/**
 * A hashtag featured on a profile: {@code url} lists the account's statuses with it; the count and last use cover
 * the account's public and unlisted statuses ({@code lastStatusAt} null if none).
 */
public record FeaturedTagView(long id, String name, String url, long statusesCount, Instant lastStatusAt) {
}

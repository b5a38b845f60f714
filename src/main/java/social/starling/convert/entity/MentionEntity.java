package social.starling.convert.entity;

/** Mastodon's Status::Mention (entities/Status.md#Mention): an account mentioned in a status. */
public record MentionEntity(String id, String username, String url, String acct) {
}

package social.starling.text;

import java.util.Optional;

/**
 * Finds the account a typed mention means, so the formatter can link it. A mention that resolves to nothing stays
 * plain text, as on Mastodon ({@code TextFormatter#link_to_mention}).
 *
 * <p>Contract for implementations: {@code username} and {@code domain} are as typed; {@code domain} is null for
 * {@code @user}. Match both case-insensitively. A domain naming this server means a local account (Mastodon sets
 * it to nil when {@code TagManager#local_domain?}). Look up only; never fetch a remote account from here (that
 * belongs to posting, which resolves mentions before it formats). Called at most once per distinct mention and text.
 */
@FunctionalInterface
public interface MentionResolver {
    /** Resolves nothing: every mention stays plain text. */
    MentionResolver NONE = (username, domain) -> Optional.empty();

    Optional<MentionedAccount> resolve(String username, String domain);
}

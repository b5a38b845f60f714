package social.starling.convert;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import social.starling.federation.vocab.Actor;
import social.starling.federation.vocab.As2;
import social.starling.federation.vocab.Image;
import social.starling.model.Account;
import social.starling.model.LocalUris;

/**
 * Local accounts → AS2 actors, in Mastodon's shape (ActivityPub::ActorSerializer; the instance actor as
 * InstanceActorSerializer). Addresses come from {@link LocalUris}, the routes Starling serves them at.
 */
public final class ActorMapper {
    private final LocalUris uris;
    private final String domain;

    /** {@code domain} is the server's domain as configured, with its port if it has one. */
    public ActorMapper(LocalUris uris, String domain) {
        this.uris = uris;
        this.domain = domain;
    }

    /** A member: {@code Person}, {@code Service} for bots, {@code Group} for groups. */
    public Actor toActor(Account a) {
        String name = a.username();
        String id = uris.actor(name);
        return new Actor(As2.ACTOR_CONTEXT, id, type(a), uris.following(name), uris.followers(name),
                uris.inbox(name), uris.outbox(name), uris.featured(name), featuredTags(name), name,
                // Mastodon falls back to the username for an empty display name (ActorSerializer#name).
                a.displayName() == null || a.displayName().isBlank() ? name : a.displayName(),
                a.note() == null ? "" : a.note(), uris.profile(name), a.locked(), a.discoverable(), a.indexable(),
                // Mastodon publishes the day the account was made, at midnight (ActorSerializer#published).
                As2Times.iso(a.createdAt().truncatedTo(ChronoUnit.DAYS)), a.memorial(), publicKey(a, id),
                List.of(),
                a.fields().stream().map(f -> Actor.PropertyValue.of(f.name(), f.value())).toList(),
                new Actor.Endpoints(uris.sharedInbox()), image(a.avatarFile()), image(a.headerFile()),
                null, null);
    }

    /**
     * The instance actor at {@code /actor}: an {@code Application} whose preferred username is the domain (as
     * Mastodon's, where {@code acct:example.com@example.com} finds it), locked, with only what signing and
     * discovery need.
     */
    public Actor toInstanceActor(Account a) {
        String id = uris.baseUrl() + "/actor";
        return new Actor(As2.INSTANCE_ACTOR_CONTEXT, id, "Application", null, null, id + "/inbox", id + "/outbox",
                null, null, domain, a.displayName() == null || a.displayName().isBlank() ? domain : a.displayName(),
                null, uris.baseUrl() + "/about/more?instance_actor=true", true, null, null, null, null,
                publicKey(a, id), null, null, new Actor.Endpoints(uris.sharedInbox()), null, null, null, null);
    }

    /** {@code <actor>/collections/tags}, Mastodon's featured hashtags collection. */
    public String featuredTags(String username) {
        return uris.actor(username) + "/collections/tags";
    }

    private static String type(Account a) {
        if (a.group()) {
            return "Group";
        }
        return a.bot() ? "Service" : "Person";
    }

    private static Actor.PublicKey publicKey(Account a, String actorId) {
        return a.publicKey() == null ? null : new Actor.PublicKey(actorId + "#main-key", actorId, a.publicKey());
    }

    /** Uploaded images only: Mastodon leaves {@code icon}/{@code image} out when there is none. */
    private Image image(String file) {
        return file == null ? null : Image.of(mediaType(file), uris.media(file));
    }

    static String mediaType(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".png")) {
            return "image/png";
        }
        if (f.endsWith(".gif")) {
            return "image/gif";
        }
        if (f.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }
}

package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An actor as Mastodon serves one (ActivityPub::ActorSerializer): {@code Person}, {@code Service} (bots),
 * {@code Group}, or {@code Application} (the instance actor). Fields left null are not written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String following,
        String followers,
        String inbox,
        String outbox,
        String featured,
        String featuredTags,
        String preferredUsername,
        String name,
        String summary,
        String url,
        Boolean manuallyApprovesFollowers,
        Boolean discoverable,
        Boolean indexable,
        String published,
        Boolean memorial,
        PublicKey publicKey,
        List<Tag> tag,
        List<PropertyValue> attachment,
        Endpoints endpoints,
        Image icon,
        Image image,
        List<String> alsoKnownAs,
        String movedTo) {

    /** Without its {@code @context}, to be embedded in an activity ({@code Update}). */
    public Actor embedded() {
        return new Actor(null, id, type, following, followers, inbox, outbox, featured, featuredTags,
                preferredUsername, name, summary, url, manuallyApprovesFollowers, discoverable, indexable, published,
                memorial, publicKey, tag, attachment, endpoints, icon, image, alsoKnownAs, movedTo);
    }

    /** The actor's RSA key for HTTP signatures: {@code <actor>#main-key}, an SPKI PEM. */
    public record PublicKey(String id, String owner, String publicKeyPem) {
    }

    /** Where other servers deliver to everyone here at once. */
    public record Endpoints(String sharedInbox) {
    }

    /** A profile field: name as text, value as HTML (schema.org's PropertyValue, as Mastodon). */
    public record PropertyValue(String type, String name, String value) {
        public static PropertyValue of(String name, String value) {
            return new PropertyValue("PropertyValue", name, value);
        }
    }
}

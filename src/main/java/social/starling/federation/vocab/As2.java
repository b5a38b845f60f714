package social.starling.federation.vocab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ActivityStreams 2.0 constants and the JSON writer for the records of this package. AS2 names are camelCase, so
 * these records are written with their own mapper, not the API's snake_case one ({@code support/Json}).
 *
 * <p>The {@code @context}s are the ones Mastodon sends (app/lib/activitypub/adapter.rb, app/helpers/context_helper.rb):
 * the ActivityStreams context, for actors also the security context (publicKey), and one inline map of the
 * extension terms. Receivers such as Fedify really expand JSON-LD: a term missing from the context is dropped, and a
 * context URL outside their preloaded set is fetched, so every extension is defined inline.
 */
public final class As2 {
    public static final String ACTIVITYSTREAMS = "https://www.w3.org/ns/activitystreams";
    public static final String SECURITY = "https://w3id.org/security/v1";
    /** The public collection, written in full as Mastodon writes it (it also reads {@code as:Public} and {@code Public}). */
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    /** What ActivityPub objects are served as (Mastodon adds the charset). */
    public static final String CONTENT_TYPE = "application/activity+json; charset=utf-8";
    public static final String JRD_CONTENT_TYPE = "application/jrd+json; charset=utf-8";

    /** Collections and anything without extension terms. */
    public static final Object CONTEXT = ACTIVITYSTREAMS;

    /** Actors (Mastodon's ActorSerializer: security context, then the extensions it declares). */
    public static final Object ACTOR_CONTEXT = List.of(ACTIVITYSTREAMS, SECURITY, extensions(
            "manuallyApprovesFollowers", "as:manuallyApprovesFollowers",
            "toot", "http://joinmastodon.org/ns#",
            "featured", Map.of("@id", "toot:featured", "@type", "@id"),
            "featuredTags", Map.of("@id", "toot:featuredTags", "@type", "@id"),
            "alsoKnownAs", Map.of("@id", "as:alsoKnownAs", "@type", "@id"),
            "movedTo", Map.of("@id", "as:movedTo", "@type", "@id"),
            "schema", "http://schema.org#",
            "PropertyValue", "schema:PropertyValue",
            "value", "schema:value",
            "discoverable", "toot:discoverable",
            "suspended", "toot:suspended",
            "memorial", "toot:memorial",
            "indexable", "toot:indexable",
            "Hashtag", "as:Hashtag",
            "focalPoint", Map.of("@container", "@list", "@id", "toot:focalPoint")));

    /** The instance actor (Mastodon's InstanceActorSerializer declares only this extension). */
    public static final Object INSTANCE_ACTOR_CONTEXT = List.of(ACTIVITYSTREAMS, SECURITY, extensions(
            "manuallyApprovesFollowers", "as:manuallyApprovesFollowers"));

    /**
     * Notes, Questions and whatever embeds them (Create, outbox pages, the featured collection): Mastodon's
     * NoteSerializer extensions that Starling writes — conversation, sensitive, votersCount, Hashtag.
     */
    public static final Object NOTE_CONTEXT = List.of(ACTIVITYSTREAMS, extensions(
            "ostatus", "http://ostatus.org#",
            "conversation", "ostatus:conversation",
            "sensitive", "as:sensitive",
            "toot", "http://joinmastodon.org/ns#",
            "votersCount", "toot:votersCount",
            "blurhash", "toot:blurhash",
            "focalPoint", Map.of("@container", "@list", "@id", "toot:focalPoint"),
            "Hashtag", "as:Hashtag",
            // Mastodon 4.5's "quotes" and "interaction_policies" context extensions (FEP-044f, GoToSocial).
            "quote", "https://w3id.org/fep/044f#quote",
            "quoteUri", "http://fedibird.com/ns#quoteUri",
            "_misskey_quote", "https://misskey-hub.net/ns#_misskey_quote",
            "quoteAuthorization", Map.of("@id", "https://w3id.org/fep/044f#quoteAuthorization", "@type", "@id"),
            "gts", "https://gotosocial.org/ns#",
            "interactionPolicy", Map.of("@id", "gts:interactionPolicy", "@type", "@id"),
            "canQuote", Map.of("@id", "gts:canQuote", "@type", "@id"),
            "automaticApproval", Map.of("@id", "gts:automaticApproval", "@type", "@id"),
            "manualApproval", Map.of("@id", "gts:manualApproval", "@type", "@id")));

    /** QuoteRequest, and the Accept or Reject embedding one (Mastodon's "quote_requests" extension). */
    public static final Object QUOTE_REQUEST_CONTEXT = List.of(ACTIVITYSTREAMS, extensions(
            "QuoteRequest", "https://w3id.org/fep/044f#QuoteRequest"));

    /** QuoteAuthorization (Mastodon's "quote_authorizations" extension). */
    public static final Object QUOTE_AUTHORIZATION_CONTEXT = List.of(ACTIVITYSTREAMS, extensions(
            "gts", "https://gotosocial.org/ns#",
            "quoteAuthorization", Map.of("@id", "https://w3id.org/fep/044f#quoteAuthorization", "@type", "@id"),
            "interactingObject", Map.of("@id", "gts:interactingObject"),
            "interactionTarget", Map.of("@id", "gts:interactionTarget")));

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private As2() {
    }

    /** The record as AS2 JSON (field names as declared, nulls left out where the record says so). */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static Map<String, Object> extensions(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}

package social.starling.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import social.starling.model.Account;
import social.starling.text.HtmlSanitizer;

/**
 * An ActivityStreams actor document → a remote {@link Account}, pure: no I/O, no database. What Mastodon reads in
 * {@code ActivityPub::ProcessAccountService} (app/services/activitypub/process_account_service.rb), with Starling's
 * bounds on every string.
 *
 * <p>Refused ({@link InvalidActorException}): no http(s) {@code id}; a type other than Person, Service, Application,
 * Group or Organization; no usable {@code preferredUsername} (Mastodon's remote username characters); no http(s)
 * {@code inbox}; a {@code publicKey} whose {@code owner} is not the actor (a key must belong to whom it signs for).
 * Optional links that are not http(s) URLs are dropped, not refused.
 *
 * <p>Texts: {@code summary} and field values are remote HTML, cut to a bound and then sanitised to Mastodon's
 * allowlist (the sanitiser closes whatever the cut left open); {@code name} and field names are plain text for
 * Mastodon clients (they escape them), so any markup in them is removed, not kept.
 *
 * <p>The returned account has id 0 (the caller gives it one) and {@code domain} = the host of the id, with the port
 * when one is written ({@code 127.0.0.1:9101}), lower case.
 */
public final class ActorReader {
    public static final Set<String> ACTOR_TYPES = Set.of("Person", "Service", "Application", "Group",
            "Organization");
    /** Mastodon's remote username characters (app/models/account.rb USERNAME_RE, without the local length rule). */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?", Pattern.CASE_INSENSITIVE);
    static final int MAX_USERNAME = 255;
    static final int MAX_URL = 2048;
    static final int MAX_NAME = 200;
    static final int MAX_SUMMARY = 20_000;
    static final int MAX_FIELDS = 16;
    static final int MAX_FIELD_NAME = 255;
    static final int MAX_FIELD_VALUE = 2_047;
    static final int MAX_PUBLIC_KEY = 16 * 1024;

    /** The document is not an actor Starling can store; the message is for logs. */
    public static final class InvalidActorException extends Exception {
        public InvalidActorException(String message) {
            super(message);
        }
    }

    private ActorReader() {
    }

    /**
     * Reads an actor. {@code now} is its creation time when it says nothing ({@code published}) and its update time.
     */
    public static Account read(JsonNode actor, Instant now) throws InvalidActorException {
        if (actor == null || !actor.isObject()) {
            throw new InvalidActorException("not a JSON object");
        }
        URI id = httpUrl(text(actor, "id")).orElseThrow(() -> new InvalidActorException("no http(s) id"));
        String type = text(actor, "type").orElse("");
        if (!ACTOR_TYPES.contains(type)) {
            throw new InvalidActorException(id + " is not an actor (type " + bounded(type, 64) + ")");
        }
        String username = text(actor, "preferredUsername").map(String::strip).orElse("");
        // An instance actor is named after its server's domain, port included (Mastodon's LOCAL_DOMAIN, Starling's
        // STARLING_DOMAIN): "localhost:8081" is a usable name for the actor whose id is on localhost:8081 only.
        boolean namedAfterItsDomain = username.equalsIgnoreCase(domain(id));
        if (username.isEmpty() || username.length() > MAX_USERNAME
                || !(USERNAME.matcher(username).matches() || namedAfterItsDomain)) {
            throw new InvalidActorException(id + " has no usable preferredUsername");
        }
        String inbox = httpUrl(text(actor, "inbox")).map(URI::toString)
                .orElseThrow(() -> new InvalidActorException(id + " has no inbox"));
        String publicKey = publicKey(actor, id.toString());

        JsonNode endpoints = actor.path("endpoints");
        List<Account.Field> fields = fields(actor.get("attachment"));
        String url = link(actor.get("url")).orElse(null);
        String avatar = image(actor.get("icon")).orElse(null);
        String header = image(actor.get("image")).orElse(null);
        String name = plain(text(actor, "name").orElse(""), MAX_NAME);
        String note = html(text(actor, "summary").orElse(""), MAX_SUMMARY);
        Instant created = text(actor, "published").flatMap(ActorReader::instant).filter(t -> !t.isAfter(now))
                .orElse(now);
        return new Account(0, username, domain(id), name, note, "", fields, id.toString(), url, inbox,
                url(endpoints, "sharedInbox"), url(actor, "outbox"), url(actor, "followers"), url(actor, "following"),
                url(actor, "featured"), type, bool(actor, "manuallyApprovesFollowers"), bool(actor, "discoverable"),
                bool(actor, "indexable"), false, bool(actor, "memorial"), null, avatar, null, header, publicKey, 0, 0,
                0, null, null, null, created, now);
    }

    /** {@code host} or {@code host:port} when the id writes a port, lower case: the account's domain. */
    public static String domain(URI id) {
        String host = id.getHost().toLowerCase(Locale.ROOT);
        return id.getPort() == -1 ? host : host + ":" + id.getPort();
    }

    /**
     * The PEM of the key owned by the actor. {@code publicKey} may be one object or an array (some servers list
     * several); a key that names another owner is refused, since it cannot sign for this actor.
     */
    private static String publicKey(JsonNode actor, String id) throws InvalidActorException {
        JsonNode keys = actor.get("publicKey");
        if (keys == null || keys.isNull()) {
            return null;
        }
        for (JsonNode key : keys.isArray() ? keys : List.of(keys)) {
            if (!key.isObject()) {
                continue;
            }
            String owner = text(key, "owner").orElse("");
            if (!owner.equals(id)) {
                throw new InvalidActorException(id + " publishes a key owned by " + bounded(owner, 200));
            }
            Optional<String> pem = text(key, "publicKeyPem").map(String::strip);
            if (pem.isPresent() && pem.get().length() <= MAX_PUBLIC_KEY
                    && pem.get().startsWith("-----BEGIN ")) {
                return pem.get();
            }
        }
        return null;
    }

    /** {@code attachment} entries of type PropertyValue, as Mastodon's profile fields. */
    private static List<Account.Field> fields(JsonNode attachment) {
        if (attachment == null || attachment.isNull()) {
            return List.of();
        }
        List<Account.Field> fields = new ArrayList<>();
        for (JsonNode item : attachment.isArray() ? attachment : List.of(attachment)) {
            if (fields.size() >= MAX_FIELDS) {
                break;
            }
            if (!item.isObject() || !"PropertyValue".equals(item.path("type").asText())) {
                continue;
            }
            String name = plain(text(item, "name").orElse(""), MAX_FIELD_NAME);
            if (name.isBlank()) {
                continue;
            }
            fields.add(new Account.Field(name, html(text(item, "value").orElse(""), MAX_FIELD_VALUE), null));
        }
        return List.copyOf(fields);
    }

    /** {@code url}: a string, a Link ({@code href}), or an array of them; the first http(s) one. */
    private static Optional<String> link(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                Optional<String> found = link(item);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value.isObject()) {
            return httpUrl(text(value, "href")).map(URI::toString);
        }
        return httpUrl(value.isTextual() ? Optional.of(value.asText()) : Optional.empty()).map(URI::toString);
    }

    /** {@code icon} / {@code image}: an Image (its {@code url}, itself a string or Link) or an array of them. */
    private static Optional<String> image(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                Optional<String> found = image(item);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value.isObject()) {
            return link(value.get("url"));
        }
        return link(value);
    }

    private static String url(JsonNode node, String name) {
        return link(node.get(name)).orElse(null);
    }

    private static Optional<URI> httpUrl(Optional<String> text) {
        if (text.isEmpty() || text.get().length() > MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            // JSON-LD language maps (nameMap, summaryMap) are not read; a plain string is what every server sends.
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Plain text: markup removed, line breaks folded to spaces, control characters dropped, then cut. */
    static String plain(String text, int max) {
        String stripped = text.indexOf('<') >= 0 || text.indexOf('&') >= 0
                ? HtmlSanitizer.toPlainText(bounded(text, max * 4)) : text;
        String clean = stripped.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cc}", "").strip();
        return bounded(clean, max);
    }

    private static String html(String html, int max) {
        return html.isBlank() ? "" : HtmlSanitizer.sanitize(bounded(html, max));
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    private static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}

package social.starling.federation.note;

import static social.starling.federation.note.As2Values.array;
import static social.starling.federation.note.As2Values.bounded;
import static social.starling.federation.note.As2Values.httpUrl;
import static social.starling.federation.note.As2Values.idOf;
import static social.starling.federation.note.As2Values.instant;
import static social.starling.federation.note.As2Values.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import social.starling.model.Visibility;
import social.starling.model.federation.RemoteNote;
import org.jsoup.nodes.Entities;
import social.starling.text.HtmlSanitizer;

/**
 * An ActivityStreams object → {@link RemoteNote}, pure: no I/O, no database. What Mastodon reads in
 * {@code ActivityPub::Activity::Create} and {@code ActivityPub::Parser::StatusParser} / {@code PollParser}
 * (app/lib/activitypub/...), with Starling's bounds on everything.
 *
 * <ul>
 *   <li>Types: {@code Note} and {@code Question}; {@code Article}, {@code Page}, {@code Event}, {@code Image},
 *       {@code Video}, {@code Audio} are "converted" as Mastodon converts them: their title (and summary) with a
 *       link to the object, no content warning.</li>
 *   <li>Content: {@code content}, else the first {@code contentMap} value; cut at {@link #MAX_CONTENT} characters
 *       and sanitised to Mastodon's allowlist ({@link HtmlSanitizer}). Language: the first {@code contentMap} key.</li>
 *   <li>Visibility from {@code to}/{@code cc} (StatusParser#visibility): the public collection (written in full,
 *       {@code as:Public} or {@code Public}) in {@code to} → public, in {@code cc} → unlisted; the author's
 *       followers collection in {@code to} → private; otherwise direct. Mastodon's "limited" (direct with silent
 *       mentions) is direct here.</li>
 *   <li>Tags: {@code Mention} ({@code href}), at most {@link #MAX_MENTIONS}; {@code Hashtag} ({@code name} without
 *       {@code #}), at most {@link #MAX_HASHTAGS}; others (Emoji) ignored.</li>
 *   <li>{@code Question}: {@code oneOf}, or {@code anyOf} for multiple choice, each option's votes from
 *       {@code replies.totalItems}; {@code endTime}, {@code closed}, {@code votersCount}; at most
 *       {@link #MAX_POLL_OPTIONS} options.</li>
 *   <li>Attachments: at most four, read by {@link AttachmentReader}; a bad one is skipped, never failing the note.</li>
 * </ul>
 * Refused ({@link InvalidNoteException}): not an object, no http(s) {@code id}, a type that is none of these, no
 * {@code attributedTo}.
 */
public final class NoteReader {
    public static final Set<String> NOTE_TYPES = Set.of("Note", "Question");
    public static final Set<String> CONVERTED_TYPES = Set.of("Article", "Page", "Event", "Image", "Video", "Audio");
    public static final Set<String> PUBLIC = Set.of("https://www.w3.org/ns/activitystreams#Public", "as:Public",
            "Public");
    static final int MAX_CONTENT = 100_000;
    static final int MAX_SUMMARY = 5_000;
    static final int MAX_NAME = 1_000;
    static final int MAX_MENTIONS = 50;
    static final int MAX_HASHTAGS = 50;
    static final int MAX_TAG_ITEMS = 500;
    static final int MAX_AUDIENCE = 200;
    static final int MAX_POLL_OPTIONS = 20;
    static final int MAX_OPTION_TITLE = 500;
    static final int MAX_ATTACHMENTS = 16;
    static final int MAX_HASHTAG = 255;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}");
    private static final Pattern HASHTAG = Pattern.compile("(?U)[\\w·\\u200c]+");

    /** The object is not a note Starling can store; the message is for logs. */
    public static final class InvalidNoteException extends Exception {
        public InvalidNoteException(String message) {
            super(message);
        }
    }

    private NoteReader() {
    }

    /** Whether {@code object} has a type read as a note. */
    public static boolean isNote(JsonNode object) {
        return object != null && object.isObject() && (As2Values.typeIs(object.get("type"), NOTE_TYPES)
                || As2Values.typeIs(object.get("type"), CONVERTED_TYPES));
    }

    /**
     * @param followersUri the author's followers collection (for "private"), or null when unknown
     * @param now          the time of reading: the creation time when {@code published} is missing or in the future
     */
    public static RemoteNote read(JsonNode object, String followersUri, Instant now) throws InvalidNoteException {
        if (object == null || !object.isObject()) {
            throw new InvalidNoteException("not a JSON object");
        }
        URI id = httpUrl(text(object, "id").orElse(null))
                .orElseThrow(() -> new InvalidNoteException("no http(s) id"));
        boolean converted = !As2Values.typeIs(object.get("type"), NOTE_TYPES);
        if (converted && !As2Values.typeIs(object.get("type"), CONVERTED_TYPES)) {
            throw new InvalidNoteException(id + " is not a note");
        }
        String author = attributedTo(object.get("attributedTo"))
                .orElseThrow(() -> new InvalidNoteException(id + " has no attributedTo"));
        String url = url(object.get("url"), id).orElse(id.toString());
        List<String> to = audience(object.get("to"));
        List<String> cc = audience(object.get("cc"));
        Instant published = instant(object.get("published")).filter(t -> !t.isAfter(now)).orElse(now);
        Instant updated = instant(object.get("updated")).filter(t -> !t.isAfter(now)).orElse(null);
        Map.Entry<String, String> content = content(object);
        String spoiler = converted ? "" : plain(text(object, "summary").orElse(""), MAX_SUMMARY);
        String html = converted ? convertedContent(object, url) : HtmlSanitizer.sanitize(bounded(content.getValue(),
                MAX_CONTENT));
        List<String> audienceAll = new ArrayList<>(new LinkedHashSet<>(concat(to, cc)));
        return new RemoteNote(id.toString(), url, author, visibility(to, cc, followersUri), html, spoiler,
                object.path("sensitive").asBoolean(false), content.getKey(),
                idOf(object.get("inReplyTo")).flatMap(As2Values::httpUrl).map(URI::toString).orElse(null),
                conversation(object), published, updated, mentions(object.get("tag")), hashtags(object.get("tag")),
                audienceAll.size() > MAX_AUDIENCE ? audienceAll.subList(0, MAX_AUDIENCE) : audienceAll,
                PollReader.read(object, MAX_POLL_OPTIONS, MAX_OPTION_TITLE),
                AttachmentReader.read(object.get("attachment")),
                idOf(object.get("quote")).flatMap(As2Values::httpUrl).map(URI::toString).orElse(null),
                idOf(object.get("quoteAuthorization")).flatMap(As2Values::httpUrl).map(URI::toString).orElse(null),
                quotePolicy(object.get("interactionPolicy"), author, followersUri));
    }

    /**
     * {@code interactionPolicy.canQuote} as Mastodon 4.5 stores it (ActivityPub::Parser::StatusParser#quote_policy):
     * the public collection and the author's followers collection are understood; the author alone adds nothing;
     * anything else is an "unsupported_policy". Without a policy nobody but the author may quote.
     */
    static int quotePolicy(JsonNode policy, String author, String followersUri) {
        JsonNode canQuote = policy == null ? null : policy.get("canQuote");
        if (canQuote == null || !canQuote.isObject()) {
            return 0;
        }
        return approval(canQuote.get("automaticApproval"), author, followersUri) << 16
                | approval(canQuote.get("manualApproval"), author, followersUri);
    }

    private static int approval(JsonNode value, String author, String followersUri) {
        int flags = 0;
        for (JsonNode item : array(value, 32)) {
            String uri = idOf(item).orElse("");
            if (PUBLIC.contains(uri)) {
                flags |= social.starling.model.QuotePolicy.PUBLIC;
            } else if (followersUri != null && uri.equals(followersUri)) {
                flags |= social.starling.model.QuotePolicy.FOLLOWERS;
            } else if (!uri.equals(author)) {
                flags |= social.starling.model.QuotePolicy.UNSUPPORTED_POLICY;
            }
        }
        return flags;
    }

    /** Mastodon's StatusParser#visibility. */
    static Visibility visibility(List<String> to, List<String> cc, String followersUri) {
        if (to.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.PUBLIC;
        }
        if (cc.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.UNLISTED;
        }
        if (followersUri != null && to.contains(followersUri)) {
            return Visibility.PRIVATE;
        }
        return Visibility.DIRECT;
    }

    /** A string, an object's id, or the first usable one of an array (Mastodon takes the first actor named). */
    private static Optional<String> attributedTo(JsonNode value) {
        for (JsonNode item : array(value, 16)) {
            if (item.isObject() && item.has("type") && !As2Values.typeIs(item.get("type"),
                    Set.of("Person", "Service", "Application", "Group", "Organization"))) {
                continue;
            }
            Optional<URI> id = idOf(item).flatMap(As2Values::httpUrl);
            if (id.isPresent()) {
                return Optional.of(id.get().toString());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code url}: a string, a Link or an array; a {@code text/html} Link first. Only a URL on the object's own
     * host counts (Mastodon's invalid_origin? check on object_url); else the id is the URL.
     */
    private static Optional<String> url(JsonNode value, URI id) {
        List<String> candidates = new ArrayList<>();
        for (JsonNode item : array(value, 16)) {
            if (item.isTextual()) {
                candidates.add(item.asText());
            } else if (item.isObject() && item.path("href").isTextual()) {
                if ("text/html".equals(item.path("mediaType").asText())) {
                    candidates.addFirst(item.path("href").asText());
                } else {
                    candidates.add(item.path("href").asText());
                }
            }
        }
        return candidates.stream().map(As2Values::httpUrl).flatMap(Optional::stream)
                .filter(u -> u.getHost().equalsIgnoreCase(id.getHost())).map(URI::toString).findFirst();
    }

    private static List<String> audience(JsonNode value) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(value, MAX_AUDIENCE)) {
            idOf(item).filter(s -> s.length() <= As2Values.MAX_URL).ifPresent(out::add);
        }
        return out;
    }

    /** (language, HTML): {@code content} with {@code contentMap}'s first key as language, else its first value. */
    private static Map.Entry<String, String> content(JsonNode object) {
        String language = null;
        String fromMap = null;
        JsonNode map = object.get("contentMap");
        if (map != null && map.isObject() && !map.isEmpty()) {
            var first = map.properties().iterator().next();
            language = LANGUAGE.matcher(first.getKey()).matches() ? first.getKey() : null;
            fromMap = first.getValue().isTextual() ? first.getValue().asText() : null;
        }
        String content = text(object, "content").filter(s -> !s.isBlank()).orElse(fromMap);
        return new java.util.AbstractMap.SimpleImmutableEntry<>(language, content == null ? "" : content);
    }

    /** Mastodon's converted objects: the title, the summary, and a link to the original. */
    private static String convertedContent(JsonNode object, String url) {
        StringBuilder html = new StringBuilder();
        String name = plain(text(object, "name").orElse(""), MAX_NAME);
        if (!name.isEmpty()) {
            html.append("<p><strong>").append(Entities.escape(name)).append("</strong></p>");
        }
        String summary = plain(text(object, "summary").orElse(""), MAX_SUMMARY);
        if (!summary.isEmpty()) {
            html.append("<p>").append(Entities.escape(summary)).append("</p>");
        }
        html.append("<p><a href=\"").append(Entities.escape(url)).append("\">").append(Entities.escape(url))
                .append("</a></p>");
        return HtmlSanitizer.sanitize(html.toString());
    }

    private static String conversation(JsonNode object) {
        return idOf(object.get("conversation")).or(() -> idOf(object.get("context")))
                .filter(s -> s.length() <= As2Values.MAX_URL && !s.isBlank()).orElse(null);
    }

    private static List<String> mentions(JsonNode tags) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode tag : array(tags, MAX_TAG_ITEMS)) {
            if (out.size() >= MAX_MENTIONS) {
                break;
            }
            if (tag.isObject() && As2Values.typeIs(tag.get("type"), Set.of("Mention"))) {
                text(tag, "href").flatMap(As2Values::httpUrl).ifPresent(u -> out.add(u.toString()));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> hashtags(JsonNode tags) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode tag : array(tags, MAX_TAG_ITEMS)) {
            if (out.size() >= MAX_HASHTAGS) {
                break;
            }
            if (tag.isObject() && As2Values.typeIs(tag.get("type"), Set.of("Hashtag"))) {
                String name = text(tag, "name").orElse("").strip();
                name = name.startsWith("#") ? name.substring(1) : name;
                if (!name.isEmpty() && name.length() <= MAX_HASHTAG && HASHTAG.matcher(name).matches()
                        && !name.chars().allMatch(Character::isDigit)) {
                    out.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Plain text: markup removed, control characters dropped, cut. */
    static String plain(String text, int max) {
        String stripped = text.indexOf('<') >= 0 || text.indexOf('&') >= 0
                ? HtmlSanitizer.toPlainText(bounded(text, max * 4)) : text;
        return bounded(stripped.replaceAll("[\\p{Cc}&&[^\\n]]", "").strip(), max);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

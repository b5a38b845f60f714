package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading the loose shapes of AS2 JSON as Mastodon reads them (activitypub/activity.rb: {@code value_or_id},
 * {@code object_uri}): a link may be a string or an object with an {@code id}; {@code type} may be an array.
 */
public final class Activities {
    /** Object types Mastodon stores as statuses (Note, Question; Article, Page, Image, Audio, Video, Event converted). */
    public static final Set<String> NOTE_TYPES = Set.of("Note", "Question", "Article", "Page", "Image", "Audio",
            "Video", "Event");
    public static final Set<String> ACTOR_TYPES = Set.of("Person", "Service", "Application", "Group",
            "Organization");
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private static final Set<String> PUBLIC_FORMS = Set.of(PUBLIC, "as:Public", "Public");

    private Activities() {
    }

    /** The first of {@code type}, or "". */
    public static String type(JsonNode node) {
        if (node == null) {
            return "";
        }
        JsonNode type = node.get("type");
        if (type != null && type.isArray() && !type.isEmpty()) {
            type = type.get(0);
        }
        return type != null && type.isTextual() ? type.asText() : "";
    }

    /** A link's id: the string itself, or an object's {@code id}. */
    public static Optional<String> idOf(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText()).filter(s -> !s.isBlank());
        }
        if (node.isObject()) {
            JsonNode id = node.get("id");
            return id != null && id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** The ids of a property holding one link or an array of them. */
    public static List<String> ids(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> idOf(n).ifPresent(out::add));
        } else {
            idOf(node).ifPresent(out::add);
        }
        return out;
    }

    /** Whether {@code field} (to, cc) addresses the public collection, in any of the forms servers write. */
    public static boolean addressesPublic(JsonNode activity, String field) {
        return ids(activity.get(field)).stream().anyMatch(PUBLIC_FORMS::contains);
    }
}

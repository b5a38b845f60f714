package social.starling.federation.note;

import static social.starling.federation.note.As2Values.array;
import static social.starling.federation.note.As2Values.httpUrl;
import static social.starling.federation.note.As2Values.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import social.starling.model.Limits;
import social.starling.model.federation.RemoteNote;

/**
 * A note's {@code attachment} array as Mastodon reads it (ActivityPub::Activity::Create#process_attachments): each
 * Document, Image, Video or Audio with an http(s) {@code url} (a string or a Link's {@code href}), its
 * {@code mediaType}, {@code name} (the description), {@code blurhash}, {@code focalPoint}, {@code width},
 * {@code height} and {@code icon} (a preview). At most four are kept, as Mastodon does; others are ignored.
 */
final class AttachmentReader {
    static final int MAX_DESCRIPTION = Limits.MEDIA_DESCRIPTION_LIMIT;

    private AttachmentReader() {
    }

    static List<RemoteNote.Attachment> read(JsonNode attachments) {
        List<RemoteNote.Attachment> out = new ArrayList<>();
        for (JsonNode item : array(attachments, NoteReader.MAX_ATTACHMENTS)) {
            if (out.size() >= Limits.STATUS_MAX_MEDIA) {
                break;
            }
            if (!item.isObject()) {
                continue;
            }
            Optional<URI> url = href(item.get("url"));
            if (url.isEmpty()) {
                continue;
            }
            String mediaType = text(item, "mediaType").map(t -> t.toLowerCase(Locale.ROOT).strip())
                    .filter(t -> t.length() <= 128).orElse(null);
            String name = text(item, "name").map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.codePointCount(0, s.length()) > MAX_DESCRIPTION
                            ? s.substring(0, s.offsetByCodePoints(0, MAX_DESCRIPTION)) : s)
                    .orElse(null);
            String blurhash = text(item, "blurhash").filter(b -> b.matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]{6,100}"))
                    .orElse(null);
            Double fx = null;
            Double fy = null;
            JsonNode focal = item.get("focalPoint");
            if (focal != null && focal.isArray() && focal.size() == 2 && focal.get(0).isNumber()
                    && focal.get(1).isNumber()) {
                fx = clamp(focal.get(0).asDouble());
                fy = clamp(focal.get(1).asDouble());
            }
            String preview = null;
            JsonNode icon = item.get("icon");
            if (icon != null && icon.isObject()) {
                preview = href(icon.get("url")).map(URI::toString).orElse(null);
            }
            out.add(new RemoteNote.Attachment(type(mediaType, item), url.get().toString(), mediaType, name, blurhash,
                    fx, fy, dimension(item.get("width")), dimension(item.get("height")), preview));
        }
        return out;
    }

    /** Mastodon's type from the media type (and the AS2 type when there is none). */
    static String type(String mediaType, JsonNode item) {
        if (mediaType != null) {
            if (mediaType.startsWith("image/")) {
                return "image";
            }
            if (mediaType.startsWith("video/")) {
                return "video";
            }
            if (mediaType.startsWith("audio/")) {
                return "audio";
            }
            return "unknown";
        }
        if (As2Values.typeIs(item.get("type"), java.util.Set.of("Image"))) {
            return "image";
        }
        if (As2Values.typeIs(item.get("type"), java.util.Set.of("Video"))) {
            return "video";
        }
        if (As2Values.typeIs(item.get("type"), java.util.Set.of("Audio"))) {
            return "audio";
        }
        return "unknown";
    }

    private static Optional<URI> href(JsonNode url) {
        for (JsonNode u : array(url, 8)) {
            if (u.isTextual()) {
                Optional<URI> parsed = httpUrl(u.asText());
                if (parsed.isPresent()) {
                    return parsed;
                }
            } else if (u.isObject() && u.path("href").isTextual()) {
                Optional<URI> parsed = httpUrl(u.path("href").asText());
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        return Optional.empty();
    }

    private static Integer dimension(JsonNode n) {
        if (n == null || !n.canConvertToInt() || !n.isNumber()) {
            return null;
        }
        int v = n.asInt();
        return v > 0 && v <= 100_000 ? v : null;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0.0 : Math.max(-1.0, Math.min(1.0, v));
    }
}

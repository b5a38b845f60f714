package social.starling.api.web.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The posting form as the member left it: what compose.jte shows again after an error (the typed text is never
 * lost), or prefilled for a reply or an edit. {@code action} is where it posts; {@code editing} leaves out what an
 * edit cannot change (visibility, a reply, new images); {@code mediaIds} are images uploaded already (kept when the
 * post failed after the upload); {@code attached} are an edited status's images, whose alt text the edit may change;
 * {@code error} is the service's message, or null.
 */
public record ComposeForm(String action, boolean editing, String text, String spoilerText, String visibility,
                          String language, boolean sensitive, String inReplyTo, List<String> pollOptions,
                          String pollExpiresIn, boolean pollMultiple, List<String> mediaIds, List<Attached> attached,
                          String error) {
    /** An image of the status being edited: its id, its preview and its alt text. */
    public record Attached(String id, String previewUrl, String description) {
    }

    /** The poll option fields shown (Mastodon's limit: four). */
    public static final int POLL_FIELDS = 4;
    /** Images one post may carry, as Mastodon's limit. */
    public static final int IMAGE_FIELDS = 4;
    /** The languages offered besides the member's default. */
    public static final List<String> LANGUAGES = List.of("en", "de", "es", "fr", "it", "ja", "nl", "pt", "ru", "zh");
    /** Poll durations offered: seconds and label. */
    public static final List<List<String>> EXPIRIES = List.of(List.of("300", "5 minutes"),
            List.of("1800", "30 minutes"), List.of("3600", "1 hour"), List.of("21600", "6 hours"),
            List.of("86400", "1 day"), List.of("259200", "3 days"), List.of("604800", "7 days"));

    public ComposeForm {
        List<String> options = new ArrayList<>(pollOptions == null ? List.of() : pollOptions);
        while (options.size() < POLL_FIELDS) {
            options.add("");
        }
        pollOptions = List.copyOf(options.subList(0, POLL_FIELDS));
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        attached = attached == null ? List.of() : List.copyOf(attached);
        pollExpiresIn = pollExpiresIn == null || pollExpiresIn.isBlank() ? "86400" : pollExpiresIn;
    }

    /** An empty form posting a new status (a reply when {@code inReplyTo} is set), starting with {@code text}. */
    public static ComposeForm blank(String inReplyTo, String text, String visibility) {
        return reply(inReplyTo, text, "", visibility);
    }

    /** A reply's form: the mentions typed for the member, and the parent's content warning and visibility. */
    public static ComposeForm reply(String inReplyTo, String text, String spoilerText, String visibility) {
        return new ComposeForm("/web/statuses", false, text == null ? "" : text, spoilerText, visibility, "", false,
                inReplyTo, List.of(), null, false, List.of(), List.of(), null);
    }

    public ComposeForm withError(String message) {
        return new ComposeForm(action, editing, text, spoilerText, visibility, language, sensitive, inReplyTo,
                pollOptions, pollExpiresIn, pollMultiple, mediaIds, attached, message);
    }

    public ComposeForm withMedia(List<String> ids) {
        return new ComposeForm(action, editing, text, spoilerText, visibility, language, sensitive, inReplyTo,
                pollOptions, pollExpiresIn, pollMultiple, ids, attached, error);
    }

    /** The expiry choices, with this form's own value added when it is none of them (an edited poll's rest). */
    public List<List<String>> expiries() {
        if (EXPIRIES.stream().anyMatch(e -> e.getFirst().equals(pollExpiresIn))) {
            return EXPIRIES;
        }
        List<List<String>> out = new ArrayList<>();
        out.add(List.of(pollExpiresIn, "As it is now"));
        out.addAll(EXPIRIES);
        return out;
    }

    public ComposeForm withAttached(List<Attached> images) {
        return new ComposeForm(action, editing, text, spoilerText, visibility, language, sensitive, inReplyTo,
                pollOptions, pollExpiresIn, pollMultiple, mediaIds, images, error);
    }

    /** The languages offered: the common ones, and this form's own when it is none of them. */
    public List<String> languages() {
        if (language == null || language.isBlank() || LANGUAGES.contains(language)) {
            return LANGUAGES;
        }
        List<String> out = new ArrayList<>(LANGUAGES);
        out.add(language);
        return out;
    }

    public boolean hasPoll() {
        return pollOptions.stream().anyMatch(o -> !o.isBlank());
    }
}

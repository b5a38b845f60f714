package social.starling.api.web.client;

import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.NotificationEntity;
import social.starling.convert.entity.StatusEntity;
import social.starling.text.HtmlSanitizer;

/**
 * A notification said in words, as the web client shows it: who (the account's name, or nobody for poll, warning
 * and severance notices), what they did ("favourited your post"), and an excerpt of the post concerned, as plain
 * text (the template escapes it).
 */
public final class NotificationText {
    static final int EXCERPT = 200;

    private NotificationText() {
    }

    /** What happened, after the account's name (or alone when {@link #hasActor} is false). */
    public static String action(NotificationEntity n) {
        return switch (n.type()) {
            case "mention" -> "mentioned you";
            case "status" -> "posted";
            case "reblog" -> "boosted your post";
            case "follow" -> "followed you";
            case "follow_request" -> "asked to follow you";
            case "favourite" -> "favourited your post";
            case "poll" -> "A poll you voted in or created has ended";
            case "update" -> "edited a post you interacted with";
            case "admin.sign_up" -> "signed up";
            case "admin.report" -> "filed a report";
            case "severed_relationships" -> "Some of your follow relationships were severed by a moderation action";
            case "moderation_warning" -> "You have received a moderation warning";
            case "quote" -> "quoted your post";
            case "quoted_update" -> "edited a post you quoted";
            default -> "sent a notification (" + n.type() + ")";
        };
    }

    /** Whether the sentence starts with the account's name. */
    public static boolean hasActor(NotificationEntity n) {
        return !(n.type().equals("poll") || n.type().equals("severed_relationships")
                || n.type().equals("moderation_warning"));
    }

    /** The name to show: the display name, or the username when there is none. */
    public static String name(AccountEntity a) {
        return a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
    }

    /** The post's content warning, or its text as plain text, cut to {@value EXCERPT} characters; "" for none. */
    public static String excerpt(NotificationEntity n) {
        StatusEntity s = n.status();
        if (s == null) {
            return n.moderationWarning() != null && n.moderationWarning().text() != null
                    ? cut(n.moderationWarning().text()) : "";
        }
        if (s.spoilerText() != null && !s.spoilerText().isBlank()) {
            return cut("CW: " + s.spoilerText());
        }
        return cut(HtmlSanitizer.toPlainText(s.content() == null ? "" : s.content()));
    }

    private static String cut(String text) {
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= EXCERPT) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, EXCERPT)) + "…";
    }
}

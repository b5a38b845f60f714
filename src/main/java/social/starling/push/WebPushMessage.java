package social.starling.push;

import java.util.Optional;
import social.starling.model.Account;
import social.starling.model.Notification;
import social.starling.model.Status;
import social.starling.text.HtmlSanitizer;

/**
 * The JSON a push carries, encrypted: Mastodon's Web::NotificationSerializer, field for field — the subscription's
 * access token, the recipient's locale, the notification's id (a number, as Mastodon sends it) and type, the
 * sender's avatar, a title naming the sender and a body: the status's content warning, else its text, else the
 * sender's bio, as plain text cut to 140 characters.
 */
public record WebPushMessage(String accessToken, String preferredLocale, long notificationId,
                             String notificationType, String icon, String title, String body) {
    static final int MAX_BODY = 140;

    public static WebPushMessage of(Notification n, String accessToken, String locale, Account from,
                                    Optional<Status> status, String icon) {
        return new WebPushMessage(accessToken, locale == null || locale.isBlank() ? "en" : locale, n.id(),
                n.type().wireName(), icon, title(n, name(from)), truncate(body(status, from)));
    }

    static String name(Account from) {
        return from.displayName() == null || from.displayName().isBlank() ? from.username() : from.displayName();
    }

    /** English, like Mastodon's notification_mailer subjects. */
    static String title(Notification n, String name) {
        return switch (n.type()) {
            case MENTION -> "You were mentioned by " + name;
            case STATUS -> name + " just posted";
            case REBLOG -> name + " boosted your post";
            case FOLLOW -> name + " is now following you";
            case FOLLOW_REQUEST -> "Pending follower: " + name;
            case FAVOURITE -> name + " favorited your post";
            case POLL -> "A poll by " + name + " has ended";
            case UPDATE -> name + " edited a post";
            case QUOTE -> name + " quoted your post";
            case QUOTED_UPDATE -> name + " edited a post you quoted";
            case ADMIN_SIGN_UP -> name + " signed up";
            case ADMIN_REPORT -> name + " submitted a report";
            case MODERATION_WARNING -> "Moderators took action on your account";
        };
    }

    /** Mastodon: {@code strip_tags(spoiler_text.presence || text || note)}, entities decoded. */
    static String body(Optional<Status> status, Account from) {
        if (status.isPresent()) {
            Status s = status.get();
            if (s.spoilerText() != null && !s.spoilerText().isBlank()) {
                return HtmlSanitizer.toPlainText(s.spoilerText());
            }
            String text = HtmlSanitizer.toPlainText(s.local() && s.text() != null && !s.text().isBlank()
                    ? s.text() : s.content());
            if (!text.isBlank()) {
                return text;
            }
        }
        return HtmlSanitizer.toPlainText(from.note());
    }

    /** Rails' {@code truncate(length: 140)}: past the length, the first 137 characters and "...". */
    static String truncate(String text) {
        String t = text == null ? "" : text.strip();
        if (t.codePointCount(0, t.length()) <= MAX_BODY) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, MAX_BODY - 3)) + "...";
    }
}

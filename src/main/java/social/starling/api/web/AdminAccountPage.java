package social.starling.api.web;

import java.time.Instant;
import java.util.List;

/**
 * {@code /admin/accounts/{username}}: one local account's moderation record, its strikes (with their appeals) and
 * the staff's notes on it ({@code mine}: written by this staff member, who alone may delete it).
 */
public record AdminAccountPage(AdminNav nav, String notice, String username, String state, String role,
                               List<Strike> strikes, List<Note> notes, String noteError) {

    public record Strike(String action, String text, Instant createdAt, String appeal, boolean overruled) {
    }

    public record Note(long id, String author, String content, Instant createdAt, boolean mine) {
    }

    public static String actionLabel(String action) {
        return switch (action) {
            case "none" -> "Warning";
            case "disable" -> "Login disabled";
            case "sensitive" -> "Media marked sensitive";
            case "silence" -> "Limited";
            case "suspend" -> "Suspended";
            default -> action;
        };
    }
}

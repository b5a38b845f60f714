package social.starling.service.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import social.starling.errors.UnprocessableException;
import social.starling.errors.UnprocessableException.Detail;

/**
 * Mastodon's rules for new local accounts: usernames of letters, digits and underscores, at most 30 characters,
 * unique regardless of case, not reserved; a plausible e-mail address; a password of 8 to 72 characters that is not
 * trivially guessable. Errors collect per field with Mastodon's codes (ERR_TAKEN, ERR_RESERVED, ERR_INVALID, ...).
 */
public final class AccountRules {
    public static final int USERNAME_MAX = 30;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 72;

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_]+$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?$");
    private static final Set<String> RESERVED = Set.of(
            "admin", "administrator", "root", "support", "help", "webmaster", "postmaster", "hostmaster", "abuse",
            "security", "mod", "moderator", "moderators", "staff", "system", "starling", "instance", "actor",
            "about", "api", "oauth", "auth", "settings", "users", "inbox", "outbox", "nodeinfo", "well_known",
            "null", "undefined", "everyone", "here");
    private static final Set<String> COMMON_PASSWORDS = Set.of(
            "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop",
            "qwerty123", "11111111", "00000000", "iloveyou", "abc12345", "letmein1", "welcome1", "sunshine",
            "princess", "football", "baseball", "starling", "mastodon", "passw0rd", "87654321", "abcdefgh",
            "qwertyui", "asdfghjk", "trustno1", "superman", "1q2w3e4r", "zaq12wsx", "changeme");

    private final Map<String, List<Detail>> errors = new LinkedHashMap<>();

    /** Checks a username's form. {@code reservedExtra} adds names such as the instance actor's. */
    public AccountRules username(String username, String reservedExtra) {
        if (username == null || username.isBlank()) {
            add("username", "ERR_BLANK", "can't be blank");
        } else if (username.length() > USERNAME_MAX) {
            add("username", "ERR_TOO_LONG", "is too long (maximum is " + USERNAME_MAX + " characters)");
        } else if (!USERNAME.matcher(username).matches()) {
            add("username", "ERR_INVALID", "must contain only letters, numbers and underscores");
        } else {
            String key = username.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(key) || key.equalsIgnoreCase(reservedExtra)) {
                add("username", "ERR_RESERVED", "is reserved");
            }
        }
        return this;
    }

    public AccountRules usernameTaken() {
        add("username", "ERR_TAKEN", "is already taken");
        return this;
    }

    public AccountRules email(String email) {
        if (email == null || email.isBlank()) {
            add("email", "ERR_BLANK", "can't be blank");
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            add("email", "ERR_INVALID", "is invalid");
        }
        return this;
    }

    public AccountRules emailTaken() {
        add("email", "ERR_TAKEN", "is already taken");
        return this;
    }

    public AccountRules password(String password, String username, String email) {
        if (password == null || password.isEmpty()) {
            add("password", "ERR_BLANK", "can't be blank");
        } else if (password.length() < PASSWORD_MIN) {
            add("password", "ERR_TOO_SHORT", "is too short (minimum is " + PASSWORD_MIN + " characters)");
        } else if (password.length() > PASSWORD_MAX) {
            add("password", "ERR_TOO_LONG", "is too long (maximum is " + PASSWORD_MAX + " characters)");
        } else if (weak(password, username, email)) {
            add("password", "ERR_INVALID", "is too easy to guess");
        }
        return this;
    }

    private static boolean weak(String password, String username, String email) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON_PASSWORDS.contains(lower) || lower.chars().distinct().count() <= 2) {
            return true;
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))
                && password.length() - username.length() < 4) {
            return true;
        }
        return email != null && lower.equals(email.toLowerCase(Locale.ROOT));
    }

    public AccountRules add(String field, String code, String description) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(new Detail(code, description));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws Mastodon's 422 "Validation failed: Username is reserved, ..." with per-field details. */
    public void check() {
        if (errors.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        errors.forEach((field, list) -> list.forEach(d -> parts.add(capitalise(field) + " " + d.description())));
        throw new UnprocessableException("Validation failed: " + String.join(", ", parts), errors);
    }

    private static String capitalise(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' ');
    }
}

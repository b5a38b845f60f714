package social.starling.model.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mastodon's OAuth scopes and their hierarchy (config/initializers/doorkeeper.rb, docs "api/oauth-scopes"):
 * {@code read} grants every {@code read:*}, {@code write} every {@code write:*}, {@code admin:read} every
 * {@code admin:read:*}, {@code admin:write} every {@code admin:write:*}, and the legacy {@code follow} grants
 * reading and writing follows, blocks and mutes. {@code profile} grants only reading one's own profile.
 */
public final class Scopes {
    public static final List<String> ALL = List.of(
            "read", "write", "follow", "push", "profile",
            "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
            "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
            "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
            "write:filters", "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications",
            "write:reports", "write:statuses",
            "admin:read", "admin:read:accounts", "admin:read:reports", "admin:read:domain_allows",
            "admin:read:domain_blocks", "admin:read:ip_blocks", "admin:read:email_domain_blocks",
            "admin:read:canonical_email_blocks",
            "admin:write", "admin:write:accounts", "admin:write:reports", "admin:write:domain_allows",
            "admin:write:domain_blocks", "admin:write:ip_blocks", "admin:write:email_domain_blocks",
            "admin:write:canonical_email_blocks");

    private static final Set<String> KNOWN = Set.copyOf(ALL);
    private static final Set<String> FOLLOW = Set.of("read:follows", "write:follows", "read:blocks", "write:blocks",
            "read:mutes", "write:mutes");

    private Scopes() {
    }

    /** Splits a scope string on spaces or pluses; empty or missing means {@code read}, as Mastodon defaults. */
    public static Set<String> parse(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return Set.of("read");
        }
        return Arrays.stream(scopes.trim().split("[\\s+]+"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String format(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    public static boolean allKnown(Set<String> scopes) {
        return KNOWN.containsAll(scopes);
    }

    /** Does holding {@code granted} allow an action that needs {@code required}? */
    public static boolean satisfies(Set<String> granted, String required) {
        if (granted.contains(required)) {
            return true;
        }
        int colon = required.lastIndexOf(':');
        if (colon > 0 && granted.contains(required.substring(0, colon))) {
            return true;
        }
        return FOLLOW.contains(required) && granted.contains("follow");
    }

    /** True if any of {@code acceptable} is satisfied. */
    public static boolean satisfiesAny(Set<String> granted, String... acceptable) {
        for (String scope : acceptable) {
            if (satisfies(granted, scope)) {
                return true;
            }
        }
        return false;
    }

    /** Is every requested scope covered by what the application registered? */
    public static boolean within(Set<String> requested, Set<String> registered) {
        return requested.stream().allMatch(s -> satisfies(registered, s));
    }
}

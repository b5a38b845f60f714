package social.starling.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requested OAuth scopes in plain words for the consent page, grouped as Mastodon's consent page groups them:
 * read, write, follow, push, profile, admin read, admin write. A whole scope ({@code read}) is one line; granular
 * ones ({@code read:lists}) are listed under their group. Wording from Mastodon's doorkeeper.en.yml.
 */
public record ScopeGroup(String title, String summary, List<String> details) {
    /** A top-level scope: its title, what holding all of it means, and the heading for a part of it. */
    private record Group(String title, String all, String some) {
    }

    private static final Map<String, Group> GROUPS = new LinkedHashMap<>();
    private static final Map<String, String> GRANULAR = new LinkedHashMap<>();

    static {
        GROUPS.put("read", new Group("Read", "Read all your account's data", "Read some of your account's data:"));
        GROUPS.put("write", new Group("Write", "Modify all your account's data",
                "Modify some of your account's data:"));
        GROUPS.put("follow", new Group("Follow", "Modify account relationships", "Some relationships:"));
        GROUPS.put("push", new Group("Push", "Receive your push notifications", "Some notifications:"));
        GROUPS.put("profile", new Group("Profile", "Read only your account's profile information",
                "Some profile information:"));
        GROUPS.put("admin:read", new Group("Administration: read", "Read all data on the server",
                "Read some data on the server:"));
        GROUPS.put("admin:write", new Group("Administration: write", "Modify all data on the server",
                "Modify some data on the server:"));
        GRANULAR.put("read:accounts", "see accounts information");
        GRANULAR.put("read:blocks", "see your blocks");
        GRANULAR.put("read:bookmarks", "see your bookmarks");
        GRANULAR.put("read:favourites", "see your favourites");
        GRANULAR.put("read:filters", "see your filters");
        GRANULAR.put("read:follows", "see your follows");
        GRANULAR.put("read:lists", "see your lists");
        GRANULAR.put("read:mutes", "see your mutes");
        GRANULAR.put("read:notifications", "see your notifications");
        GRANULAR.put("read:search", "search on your behalf");
        GRANULAR.put("read:statuses", "see all posts");
        GRANULAR.put("write:accounts", "modify your profile");
        GRANULAR.put("write:blocks", "block accounts and domains");
        GRANULAR.put("write:bookmarks", "bookmark posts");
        GRANULAR.put("write:conversations", "mute and delete conversations");
        GRANULAR.put("write:favourites", "favourite posts");
        GRANULAR.put("write:filters", "create filters");
        GRANULAR.put("write:follows", "follow people");
        GRANULAR.put("write:lists", "create lists");
        GRANULAR.put("write:media", "upload media files");
        GRANULAR.put("write:mutes", "mute people and conversations");
        GRANULAR.put("write:notifications", "clear your notifications");
        GRANULAR.put("write:reports", "report other people");
        GRANULAR.put("write:statuses", "publish posts");
        GRANULAR.put("admin:read:accounts", "read sensitive information of all accounts");
        GRANULAR.put("admin:read:reports", "read sensitive information of all reports and reported accounts");
        GRANULAR.put("admin:read:domain_allows", "read sensitive information of all domain allows");
        GRANULAR.put("admin:read:domain_blocks", "read sensitive information of all domain blocks");
        GRANULAR.put("admin:read:ip_blocks", "read sensitive information of all IP blocks");
        GRANULAR.put("admin:read:email_domain_blocks", "read sensitive information of all e-mail domain blocks");
        GRANULAR.put("admin:read:canonical_email_blocks", "read sensitive information of all canonical e-mail blocks");
        GRANULAR.put("admin:write:accounts", "perform moderation actions on accounts");
        GRANULAR.put("admin:write:reports", "perform moderation actions on reports");
        GRANULAR.put("admin:write:domain_allows", "perform moderation actions on domain allows");
        GRANULAR.put("admin:write:domain_blocks", "perform moderation actions on domain blocks");
        GRANULAR.put("admin:write:ip_blocks", "perform moderation actions on IP blocks");
        GRANULAR.put("admin:write:email_domain_blocks", "perform moderation actions on e-mail domain blocks");
        GRANULAR.put("admin:write:canonical_email_blocks", "perform moderation actions on canonical e-mail blocks");
    }

    /** The groups for {@code scopes}, in a fixed order; a scope this list does not know is shown by its name. */
    public static List<ScopeGroup> describe(Set<String> scopes) {
        List<ScopeGroup> out = new ArrayList<>();
        for (var group : GROUPS.entrySet()) {
            String key = group.getKey();
            List<String> details = scopes.stream()
                    .filter(s -> !s.equals(key) && s.startsWith(key + ":") && !isGroup(s))
                    .map(s -> GRANULAR.getOrDefault(s, s))
                    .toList();
            if (scopes.contains(key)) {
                out.add(new ScopeGroup(group.getValue().title(), group.getValue().all(), List.of()));
            } else if (!details.isEmpty()) {
                out.add(new ScopeGroup(group.getValue().title(), group.getValue().some(), details));
            }
        }
        List<String> unknown = scopes.stream()
                .filter(s -> !GROUPS.containsKey(s) && GROUPS.keySet().stream().noneMatch(g -> s.startsWith(g + ":")))
                .toList();
        if (!unknown.isEmpty()) {
            out.add(new ScopeGroup("Other", "Other permissions:", unknown));
        }
        return out;
    }

    private static boolean isGroup(String scope) {
        return GROUPS.containsKey(scope);
    }
}

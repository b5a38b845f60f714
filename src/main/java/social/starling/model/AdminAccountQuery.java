package social.starling.model;

import java.util.Set;

/**
 * The filters of the admin account lists (Mastodon's AccountFilter, as the v1 and v2 endpoints translate their
 * parameters): {@code origin} local or remote; {@code status} active, pending, disabled, silenced, suspended or
 * sensitized; {@code staff} only staff; {@code roles} only these roles; {@code invitedBy} only those who signed up
 * with an invite of that account; the text filters as Mastodon matches them (username by prefix, display name,
 * e-mail and domain by substring, ip as the sign-up address). Null means no filter.
 */
public record AdminAccountQuery(String origin, String status, boolean staff, Set<Role> roles, Long invitedBy,
                                String username, String displayName, String byDomain, String email, String ip) {
}

package social.starling.api.web;

import java.util.List;
import social.starling.convert.entity.DomainBlockEntity;
import social.starling.model.Rule;

/**
 * The landing page: what this server is, its rules and moderation policy ({@code moderationHtml} is admin HTML,
 * rendered as is), how to join, and whom to contact. {@code contactEmail} and {@code contactUsername} may be null.
 * {@code moderatedServers} is the public list of limited and suspended servers, null when this visitor may not see it
 * ({@code STARLING_SHOW_DOMAIN_BLOCKS}). {@code recentPosts} are the latest public posts of local members.
 */
public record AboutPage(String title, String domain, String description, List<Rule> rules, String moderationHtml,
                        String registrationMode, String registrationSummary, boolean canSignUp, String contactEmail,
                        String contactUsername, boolean hasTerms, List<DomainBlockEntity> moderatedServers,
                        List<StatusCard> recentPosts) {
}

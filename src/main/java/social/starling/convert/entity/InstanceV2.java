package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Mastodon's Instance, as {@code GET /api/v2/instance} returns it. */
public record InstanceV2(
        String domain,
        String title,
        String version,
        String sourceUrl,
        String description,
        Usage usage,
        Thumbnail thumbnail,
        List<Icon> icon,
        List<String> languages,
        Configuration configuration,
        Registrations registrations,
        Map<String, Integer> apiVersions,
        Contact contact,
        List<RuleEntity> rules) {

    public record Usage(Users users) {
    }

    public record Users(int activeMonth) {
    }

    public record Thumbnail(String url, String blurhash, Map<String, String> versions) {
    }

    public record Icon(String src, String size) {
    }

    public record Configuration(Urls urls, Vapid vapid, Accounts accounts, Statuses statuses,
                                MediaAttachments mediaAttachments, Polls polls, Translation translation,
                                TimelinesAccess timelinesAccess, boolean limitedFederation) {
    }

    public record Urls(String streaming, String status, String about, String privacyPolicy, String termsOfService) {
    }

    public record Vapid(String publicKey) {
    }

    public record Accounts(int maxFeaturedTags, int maxPinnedStatuses) {
    }

    public record Statuses(int maxCharacters, int maxMediaAttachments, int charactersReservedPerUrl) {
    }

    public record MediaAttachments(List<String> supportedMimeTypes, int descriptionLimit, long imageSizeLimit,
                                   long imageMatrixLimit, long videoSizeLimit, int videoFrameRateLimit,
                                   long videoMatrixLimit) {
    }

    public record Polls(int maxOptions, int maxCharactersPerOption, int minExpiration, int maxExpiration) {
    }

    public record Translation(boolean enabled) {
    }

    public record TimelinesAccess(Access liveFeeds, Access hashtagFeeds, Access trendingLinkFeeds) {
    }

    public record Access(String local, String remote) {
    }

    public record Registrations(boolean enabled, boolean approvalRequired, Boolean reasonRequired, String message,
                                Integer minAge, String url) {
    }

    /** {@code email} is left out when the admins gave none (Mastodon's docs: an e-mail address). */
    public record Contact(@JsonInclude(JsonInclude.Include.NON_NULL) String email, AccountEntity account) {
    }
}

package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Mastodon's V1::Instance, as {@code GET /api/v1/instance} returns it. */
public record InstanceV1(
        String uri,
        String title,
        String shortDescription,
        String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        String version,
        Urls urls,
        Stats stats,
        String thumbnail,
        List<String> languages,
        boolean registrations,
        boolean approvalRequired,
        boolean invitesEnabled,
        Configuration configuration,
        AccountEntity contactAccount,
        List<RuleEntity> rules) {

    public record Urls(String streamingApi) {
    }

    public record Stats(int userCount, int statusCount, int domainCount) {
    }

    public record Configuration(Accounts accounts, InstanceV2.Statuses statuses, MediaAttachments mediaAttachments,
                                InstanceV2.Polls polls) {
    }

    public record Accounts(int maxFeaturedTags) {
    }

    public record MediaAttachments(List<String> supportedMimeTypes, long imageSizeLimit, long imageMatrixLimit,
                                   long videoSizeLimit, int videoFrameRateLimit, long videoMatrixLimit) {
    }
}

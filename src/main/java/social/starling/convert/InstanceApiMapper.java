package social.starling.convert;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import social.starling.convert.entity.InstanceV1;
import social.starling.convert.entity.InstanceV2;
import social.starling.convert.entity.RuleEntity;
import social.starling.model.Limits;
import social.starling.model.RegistrationMode;
import social.starling.model.Rule;
import social.starling.model.view.InstanceInfo;

/** InstanceInfo → Mastodon's Instance (v2) and V1::Instance entities. */
public final class InstanceApiMapper {
    private final String baseUrl;
    private final String streamingUrl;
    private final AccountApiMapper accounts;
    private final String thumbnailBlurhash;
    private final Supplier<String> vapidPublicKey;

    /**
     * @param thumbnailBlurhash the BlurHash of the default thumbnail ({@code /static/preview.png})
     * @param vapidPublicKey    the server's VAPID public key (base64url uncompressed point), made on first need
     */
    public InstanceApiMapper(String baseUrl, AccountApiMapper accounts, String thumbnailBlurhash,
                             Supplier<String> vapidPublicKey) {
        this.baseUrl = baseUrl;
        this.vapidPublicKey = vapidPublicKey;
        this.thumbnailBlurhash = thumbnailBlurhash;
        this.streamingUrl = baseUrl.replaceFirst("^http", "ws");
        this.accounts = accounts;
    }

    public InstanceV2 toV2(InstanceInfo info) {
        RegistrationMode mode = info.registrations();
        boolean open = mode == RegistrationMode.OPEN || mode == RegistrationMode.APPROVAL;
        String thumbnail = baseUrl + "/static/preview.png";
        return new InstanceV2(
                info.domain(),
                info.title(),
                info.software().mastodonCompatible(),
                info.software().sourceUrl(),
                info.description(),
                new InstanceV2.Usage(new InstanceV2.Users(info.stats().activeMonth())),
                new InstanceV2.Thumbnail(thumbnail, thumbnailBlurhash, Map.of("@1x", thumbnail)),
                List.of(new InstanceV2.Icon(baseUrl + "/static/icon-192.png", "192x192"),
                        new InstanceV2.Icon(baseUrl + "/static/icon-512.png", "512x512")),
                List.of("en"),
                new InstanceV2.Configuration(
                        new InstanceV2.Urls(streamingUrl, null, baseUrl + "/about", baseUrl + "/privacy-policy", null),
                        new InstanceV2.Vapid(vapidPublicKey.get()),
                        accountLimits(),
                        statusLimits(),
                        mediaLimits(),
                        pollLimits(),
                        new InstanceV2.Translation(false),
                        new InstanceV2.TimelinesAccess(
                                new InstanceV2.Access("public", "public"),
                                new InstanceV2.Access("public", "public"),
                                new InstanceV2.Access("public", "public")),
                        false),
                new InstanceV2.Registrations(open, mode == RegistrationMode.APPROVAL,
                        mode == RegistrationMode.APPROVAL, open ? null : closedMessage(mode), null, null),
                Map.of("mastodon", info.software().mastodonApiVersion()),
                new InstanceV2.Contact(info.contactEmail(),
                        info.contactAccount().map(accounts::toApi).orElse(null)),
                rules(info.rules()));
    }

    public InstanceV1 toV1(InstanceInfo info) {
        RegistrationMode mode = info.registrations();
        return new InstanceV1(
                info.domain(),
                info.title(),
                info.description(),
                info.description(),
                info.contactEmail(),
                info.software().mastodonCompatible(),
                new InstanceV1.Urls(streamingUrl),
                new InstanceV1.Stats(info.stats().userCount(), info.stats().statusCount(), info.stats().domainCount()),
                baseUrl + "/static/preview.png",
                List.of("en"),
                mode == RegistrationMode.OPEN || mode == RegistrationMode.APPROVAL,
                mode == RegistrationMode.APPROVAL,
                mode == RegistrationMode.INVITE,
                new InstanceV1.Configuration(new InstanceV1.Accounts(Limits.MAX_FEATURED_TAGS), statusLimits(),
                        new InstanceV1.MediaAttachments(Limits.SUPPORTED_MIME_TYPES, Limits.IMAGE_SIZE_LIMIT,
                                Limits.IMAGE_MATRIX_LIMIT, Limits.VIDEO_SIZE_LIMIT, Limits.VIDEO_FRAME_RATE_LIMIT,
                                Limits.VIDEO_MATRIX_LIMIT),
                        pollLimits()),
                info.contactAccount().map(accounts::toApi).orElse(null),
                rules(info.rules()));
    }

    public List<RuleEntity> rules(List<Rule> rules) {
        return rules.stream()
                .map(r -> new RuleEntity(Long.toString(r.id()), r.text(), r.hint(), Map.of()))
                .toList();
    }

    private static String closedMessage(RegistrationMode mode) {
        return mode == RegistrationMode.INVITE
                ? "<p>This server is invite-only: ask a member for an invite link.</p>"
                : "<p>This server is not accepting new accounts.</p>";
    }

    private static InstanceV2.Accounts accountLimits() {
        return new InstanceV2.Accounts(Limits.MAX_FEATURED_TAGS, Limits.MAX_PINNED_STATUSES);
    }

    private static InstanceV2.Statuses statusLimits() {
        return new InstanceV2.Statuses(Limits.STATUS_MAX_CHARACTERS, Limits.STATUS_MAX_MEDIA,
                Limits.CHARACTERS_RESERVED_PER_URL);
    }

    private static InstanceV2.MediaAttachments mediaLimits() {
        return new InstanceV2.MediaAttachments(Limits.SUPPORTED_MIME_TYPES, Limits.MEDIA_DESCRIPTION_LIMIT,
                Limits.IMAGE_SIZE_LIMIT, Limits.IMAGE_MATRIX_LIMIT, Limits.VIDEO_SIZE_LIMIT,
                Limits.VIDEO_FRAME_RATE_LIMIT, Limits.VIDEO_MATRIX_LIMIT);
    }

    private static InstanceV2.Polls pollLimits() {
        return new InstanceV2.Polls(Limits.POLL_MAX_OPTIONS, Limits.POLL_MAX_CHARACTERS_PER_OPTION,
                Limits.POLL_MIN_EXPIRATION, Limits.POLL_MAX_EXPIRATION);
    }
}

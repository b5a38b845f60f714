package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's Status (entities/Status.md). Optional attributes ({@code application}, {@code favourited},
 * {@code reblogged}, {@code muted}, {@code bookmarked}, {@code pinned}, {@code filtered}) are left out when null;
 * nullable ones ({@code url}, {@code in_reply_to_id}, {@code reblog}, {@code poll}, {@code card}, {@code language},
 * {@code text}, {@code edited_at}, {@code quote}) are always written.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusEntity(
        String id,
        String uri,
        Instant createdAt,
        AccountEntity account,
        String content,
        /* public, unlisted, private, direct */
        String visibility,
        boolean sensitive,
        String spoilerText,
        List<MediaAttachmentEntity> mediaAttachments,
        @JsonInclude(JsonInclude.Include.NON_NULL) Application application,
        List<MentionEntity> mentions,
        List<Tag> tags,
        List<CustomEmojiEntity> emojis,
        int reblogsCount,
        int favouritesCount,
        /* 4.5.0 */
        int quotesCount,
        int repliesCount,
        String url,
        String inReplyToId,
        String inReplyToAccountId,
        StatusEntity reblog,
        PollEntity poll,
        PreviewCardEntity card,
        String language,
        String text,
        Instant editedAt,
        /* 4.4.0: a QuoteEntity or a ShallowQuoteEntity, or null */
        AnyQuote quote,
        /* 4.5.0 */
        QuoteApprovalEntity quoteApproval,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean favourited,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reblogged,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean muted,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean bookmarked,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean pinned,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FilterResultEntity> filtered) {

    /**
     * Over the fields that tell versions of a status and viewers' marks apart, not all of them: equal entities still
     * hash alike, and the JSON memo, which hashes every entity it looks up, does not walk the account, the lists and
     * the nested statuses each time.
     */
    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(id);
        h = 31 * h + java.util.Objects.hashCode(editedAt);
        h = 31 * h + reblogsCount;
        h = 31 * h + favouritesCount;
        h = 31 * h + repliesCount;
        h = 31 * h + quotesCount;
        h = 31 * h + java.util.Objects.hashCode(favourited);
        h = 31 * h + java.util.Objects.hashCode(reblogged);
        h = 31 * h + java.util.Objects.hashCode(bookmarked);
        h = 31 * h + java.util.Objects.hashCode(pinned);
        h = 31 * h + java.util.Objects.hashCode(muted);
        return 31 * h + (reblog == null ? 0 : reblog.hashCode());
    }

    /** Status {@code application}: the app that posted the status; {@code website} is nullable. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Application(String name, String website) {
    }

    /** Status::Tag: a hashtag used in the status. */
    public record Tag(String name, String url) {
    }

    /** What Status {@code quote} may hold: a full {@link QuoteEntity} or a {@link ShallowQuoteEntity}. */
    public sealed interface AnyQuote permits QuoteEntity, ShallowQuoteEntity {
    }
}

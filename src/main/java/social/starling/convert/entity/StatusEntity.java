package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

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

    /**
     * Every field, as a record's own equals would, written out: the JSON memo compares each entity it looks up with
     * the one it holds, and the record's generated equals (a chain of method handles over 34 fields) was 6 % of a
     * home timeline request. Cheap and telling fields first; shared parts (the account entity, the lists from the
     * status cache) are usually the same instance and compare by identity. {@code EntityEqualityTest} checks that
     * each field counts.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StatusEntity s)) {
            return false;
        }
        return reblogsCount == s.reblogsCount && favouritesCount == s.favouritesCount
                && quotesCount == s.quotesCount && repliesCount == s.repliesCount && sensitive == s.sensitive
                && Objects.equals(id, s.id) && Objects.equals(editedAt, s.editedAt)
                && Objects.equals(favourited, s.favourited) && Objects.equals(reblogged, s.reblogged)
                && Objects.equals(muted, s.muted) && Objects.equals(bookmarked, s.bookmarked)
                && Objects.equals(pinned, s.pinned) && Objects.equals(account, s.account)
                && Objects.equals(uri, s.uri) && Objects.equals(createdAt, s.createdAt)
                && Objects.equals(visibility, s.visibility) && Objects.equals(spoilerText, s.spoilerText)
                && Objects.equals(url, s.url) && Objects.equals(inReplyToId, s.inReplyToId)
                && Objects.equals(inReplyToAccountId, s.inReplyToAccountId) && Objects.equals(language, s.language)
                && Objects.equals(application, s.application) && Objects.equals(quoteApproval, s.quoteApproval)
                && Objects.equals(filtered, s.filtered) && Objects.equals(poll, s.poll)
                && Objects.equals(mediaAttachments, s.mediaAttachments) && Objects.equals(mentions, s.mentions)
                && Objects.equals(tags, s.tags) && Objects.equals(emojis, s.emojis) && Objects.equals(card, s.card)
                && Objects.equals(quote, s.quote) && Objects.equals(reblog, s.reblog)
                && Objects.equals(content, s.content) && Objects.equals(text, s.text);
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

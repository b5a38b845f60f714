package social.starling.model;

import java.time.Instant;

/**
 * A status (post), local or remote, or a reblog of one ({@code reblogOfId} set, no content of its own).
 * {@code text} is what a local author typed (empty for remote statuses); {@code content} is the HTML shown.
 * {@code version} grows with every change (counts, edits, votes), so rendered copies can be cached by it.
 */
public record Status(
        long id,
        long accountId,
        String uri,
        String url,
        boolean local,
        Visibility visibility,
        String text,
        String content,
        String spoilerText,
        boolean sensitive,
        String language,
        Long inReplyToId,
        Long inReplyToAccountId,
        Long reblogOfId,
        Long conversationId,
        Long applicationId,
        Long pollId,
        int repliesCount,
        int reblogsCount,
        int favouritesCount,
        int version,
        Instant editedAt,
        Instant createdAt) {

    public boolean isReblog() {
        return reblogOfId != null;
    }

    public boolean isReply() {
        return inReplyToId != null;
    }
}

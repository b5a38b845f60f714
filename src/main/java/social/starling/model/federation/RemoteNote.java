package social.starling.model.federation;

import java.time.Instant;
import java.util.List;
import social.starling.model.Visibility;

/**
 * A remote note as Starling stores it, read from its ActivityStreams form (federation/note/NoteReader): every
 * string bounded, the HTML already sanitised, the lists already cut to their limits. Nothing here is resolved yet:
 * mentions, the parent and the author are still ids (URIs), so this record crosses into service/ without any
 * federation type.
 *
 * @param uri             the object's id
 * @param url             the page to show (its {@code url}, else the id)
 * @param attributedTo    the author's actor id
 * @param content         sanitised HTML (for Article, Page and Event: the title and a link, as Mastodon shows them)
 * @param spoilerText     the content warning (plain text; from {@code summary})
 * @param language        the {@code contentMap} key, or null
 * @param inReplyToUri    the parent's id, or null
 * @param conversationUri the thread's id ({@code context}, else {@code conversation}), or null
 * @param published       when it was posted (never in the future: capped at the time it was read)
 * @param updated         when it was last edited, or null
 * @param mentionUris     actor ids of {@code Mention} tags, in order, without duplicates
 * @param hashtags        hashtag names without {@code #}, without duplicates
 * @param audienceUris    every id in {@code to} and {@code cc} (for silent mentions of local accounts)
 * @param poll            the poll of a {@code Question}, or null
 * @param attachments     its media attachments (at most four), in order
 */
public record RemoteNote(String uri, String url, String attributedTo, Visibility visibility, String content,
                         String spoilerText, boolean sensitive, String language, String inReplyToUri,
                         String conversationUri, Instant published, Instant updated, List<String> mentionUris,
                         List<String> hashtags, List<String> audienceUris, RemotePoll poll,
                         List<Attachment> attachments, String quoteUri, String quoteAuthorizationUri, int quotePolicy) {

    /** The note without quote information (Mastodon before 4.4, or a note that quotes nothing). */
    public RemoteNote(String uri, String url, String attributedTo, Visibility visibility, String content,
                      String spoilerText, boolean sensitive, String language, String inReplyToUri,
                      String conversationUri, Instant published, Instant updated, List<String> mentionUris,
                      List<String> hashtags, List<String> audienceUris, RemotePoll poll,
                      List<Attachment> attachments) {
        this(uri, url, attributedTo, visibility, content, spoilerText, sensitive, language, inReplyToUri,
                conversationUri, published, updated, mentionUris, hashtags, audienceUris, poll, attachments, null,
                null, 0);
    }

    /** A {@code Question}'s poll: options with their vote counts as the remote server counts them. */
    public record RemotePoll(List<Option> options, boolean multiple, Instant endTime, boolean closed,
                             Integer votersCount) {
        public int votesCount() {
            return options.stream().mapToInt(Option::votes).sum();
        }
    }

    public record Option(String title, int votes) {
    }

    /**
     * An attachment: Mastodon's type (image, video, audio, unknown), the file's URL, its media type, description
     * ({@code name}), blurhash, focal point, size, and a preview's URL ({@code icon}); all but type and url nullable.
     */
    public record Attachment(String type, String url, String mediaType, String description, String blurhash,
                             Double focusX, Double focusY, Integer width, Integer height, String previewUrl) {
    }
}

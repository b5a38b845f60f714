package social.starling.convert;

import social.starling.federation.vocab.Document;
import social.starling.model.MediaAttachment;
import social.starling.model.MediaMeta;
import java.util.function.UnaryOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import social.starling.federation.vocab.As2;
import social.starling.federation.vocab.Collection;
import social.starling.federation.vocab.Note;
import social.starling.federation.vocab.Tag;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.Poll;
import social.starling.model.QuotePolicy;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.federation.LocalNote;

/**
 * Local statuses → AS2 {@code Note} (or {@code Question}), as Mastodon's ActivityPub::NoteSerializer writes them.
 * What Starling leaves out: {@code atomUri}/{@code inReplyToAtomUri} (OStatus leftovers), {@code context}
 * (Mastodon 4.4's conversation collection, not served here), custom emojis. Attachments are Documents with
 * Mastodon's fields (mediaType, url, name, blurhash, focalPoint, width, height). Quotes are written as Mastodon 4.5 writes them ({@code quote}, {@code quoteUri},
 * {@code _misskey_quote}, {@code quoteAuthorization}, {@code interactionPolicy.canQuote}).
 */
public final class NoteMapper {
    private final LocalUris uris;
    private final UnaryOperator<String> fileUrl;

    /** @param fileUrl a stored file's public URL, by its key (the MediaStore's url) */
    public NoteMapper(LocalUris uris, UnaryOperator<String> fileUrl) {
        this.uris = uris;
        this.fileUrl = fileUrl;
    }

    /** The note as a document of its own, with its {@code @context}. */
    public Note toNote(LocalNote n) {
        Status s = n.status();
        Account author = n.author();
        Audience audience = audience(s.visibility(), author, n.mentions(), null);
        Poll poll = n.poll();
        List<Note.Option> options = poll == null ? null : options(poll);
        String language = s.language() == null || s.language().isBlank() ? null : s.language();
        return new Note(As2.NOTE_CONTEXT, s.uri(), poll == null ? "Note" : "Question",
                s.spoilerText() == null || s.spoilerText().isEmpty() ? null : s.spoilerText(),
                n.inReplyToUri(), As2Times.iso(s.createdAt()), s.url(), uris.actor(author.username()),
                audience.to(), audience.cc(), s.sensitive(), n.conversationUri(), s.content(),
                language == null ? null : Map.of(language, s.content()), As2Times.iso(s.editedAt()), attachments(n),
                tags(n), replies(n), Collection.counted(s.uri() + "/likes", "Collection", s.favouritesCount()),
                Collection.counted(s.uri() + "/shares", "Collection", s.reblogsCount()),
                poll != null && !poll.multiple() ? options : null, poll != null && poll.multiple() ? options : null,
                poll == null ? null : As2Times.iso(poll.expiresAt()),
                poll != null && n.pollClosed()
                        ? As2Times.iso(poll.expiresAt() != null ? poll.expiresAt() : poll.closedAt()) : null,
                poll == null ? null : poll.votersCount(), n.quotedUri(), n.quotedUri(), n.quotedUri(),
                n.quoteAuthorizationUri(), interactionPolicy(n));
    }

    /**
     * Who may quote, as Mastodon 4.5's NoteSerializer#interaction_policy: the automatic half of the policy as the
     * public collection, the author's followers collection or following collection; the author alone when nobody
     * else may.
     */
    private Note.InteractionPolicy interactionPolicy(LocalNote n) {
        int automatic = n.quotePolicy() >>> 16;
        String username = n.author().username();
        List<String> approved = new ArrayList<>();
        if ((automatic & QuotePolicy.PUBLIC) != 0) {
            approved.add(As2.PUBLIC);
        }
        if ((automatic & QuotePolicy.FOLLOWERS) != 0) {
            approved.add(uris.followers(username));
        }
        if ((automatic & QuotePolicy.FOLLOWING) != 0) {
            approved.add(uris.following(username));
        }
        if (approved.isEmpty()) {
            approved.add(uris.actor(username));
        }
        return new Note.InteractionPolicy(new Note.CanQuote(List.copyOf(approved), null));
    }

    /** The ready attachments as Documents: the file's URL, the description as {@code name}. */
    private List<Object> attachments(LocalNote n) {
        List<Object> out = new ArrayList<>();
        for (MediaAttachment m : n.media() == null ? List.<MediaAttachment>of() : n.media()) {
            if (m.fileKey() == null && m.remoteUrl() == null) {
                continue;
            }
            String url = m.fileKey() != null && !m.isRemote() ? fileUrl.apply(m.fileKey()) : m.remoteUrl();
            MediaMeta.Size o = m.meta() == null ? null : m.meta().original();
            out.add(new Document("Document", m.fileContentType(), url, m.description(), m.blurhash(),
                    m.focusX() == null ? null : List.of(m.focusX(), m.focusY()),
                    o == null ? null : o.width(), o == null ? null : o.height()));
        }
        return out;
    }

    /** The address of a reply page: {@code <note>/replies?...&page=true}. */
    public static String repliesPage(String repliesId, Long minId, boolean onlyOtherAccounts) {
        StringBuilder url = new StringBuilder(repliesId).append('?');
        if (onlyOtherAccounts) {
            url.append("only_other_accounts=true&");
        }
        if (minId != null) {
            url.append("min_id=").append(minId).append('&');
        }
        return url.append("page=true").toString();
    }

    /** Mentions (ordered by account), then hashtags, as Mastodon's {@code virtual_tags}. */
    private List<Tag> tags(LocalNote n) {
        List<Tag> tags = new ArrayList<>();
        n.mentions().forEach(a -> tags.add(Tag.mention(a.uri(), a.acct())));
        n.tags().forEach(name -> tags.add(Tag.hashtag(uris.baseUrl() + "/tags/" + name, name)));
        return tags;
    }

    /**
     * The {@code replies} collection with its first page embedded: the author's first public or unlisted replies
     * (a self-thread), then a link on to the rest (Mastodon's NoteSerializer#replies).
     */
    private static Collection replies(LocalNote n) {
        String id = n.status().uri() + "/replies";
        List<Status> self = n.selfReplies();
        String next = self.isEmpty() ? repliesPage(id, null, true) : repliesPage(id, self.getLast().id(), false);
        Collection first = new Collection(null, null, "CollectionPage", null, null, null, id, next, null,
                self.stream().map(Status::uri).toList(), null);
        return new Collection(null, id, "Collection", null, first, null, null, null, null, null, null);
    }

    private static List<Note.Option> options(Poll poll) {
        List<Note.Option> out = new ArrayList<>(poll.options().size());
        for (int i = 0; i < poll.options().size(); i++) {
            int votes = poll.counts() != null && i < poll.counts().size() ? poll.counts().get(i) : 0;
            out.add(Note.Option.of(poll.options().get(i), votes));
        }
        return out;
    }

    /** Who a status is addressed to. */
    public record Audience(List<String> to, List<String> cc) {
    }

    /**
     * {@code to} and {@code cc} by visibility, as Mastodon's ActivityPub::TagManager#to and #cc: public — to the
     * public collection, cc the followers and the mentioned; unlisted — to the followers, cc public and the
     * mentioned; private — to the followers, cc the mentioned; direct — to the mentioned only. A reblog also cc's
     * the original's author ({@code rebloggedAuthor}, else null). Not done yet: Mastodon also addresses a mentioned
     * group's followers, and for a silenced author addresses only mentioned accounts that follow them.
     */
    public Audience audience(Visibility visibility, Account author, List<Account> mentions, Account rebloggedAuthor) {
        String followers = uris.followers(author.username());
        List<String> mentioned = mentions.stream().map(Account::uri).distinct().toList();
        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        if (rebloggedAuthor != null) {
            cc.add(rebloggedAuthor.uri());
        }
        switch (visibility) {
            case PUBLIC -> {
                to.add(As2.PUBLIC);
                cc.add(followers);
                cc.addAll(mentioned);
            }
            case UNLISTED -> {
                to.add(followers);
                cc.add(As2.PUBLIC);
                cc.addAll(mentioned);
            }
            case PRIVATE -> {
                to.add(followers);
                cc.addAll(mentioned);
            }
            case DIRECT -> to.addAll(mentioned);
        }
        return new Audience(List.copyOf(to), List.copyOf(cc));
    }
}

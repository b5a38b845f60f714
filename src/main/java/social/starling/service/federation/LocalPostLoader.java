package social.starling.service.federation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.FederationRepository;
import social.starling.db.PollRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.MediaAttachment;
import social.starling.db.MediaAttachmentRepository;
import social.starling.model.Poll;
import social.starling.model.Quote;
import social.starling.model.Status;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.LocalReblog;

/**
 * Loads what the ActivityPub form of a list of local statuses needs, with a fixed number of queries whatever the
 * list's length: authors and mentioned accounts, active mentions, tags, polls, the statuses replied to, reblogged
 * originals, thread ids and the first self-replies.
 */
public final class LocalPostLoader {
    /** Self-replies on a note's first {@code replies} page (Mastodon's {@code self_replies(5)}). */
    static final int SELF_REPLIES = 5;
    private static final DateTimeFormatter TAG_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneOffset.UTC);

    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final TagRepository tags;
    private final PollRepository polls;
    private final FederationRepository federation;
    private final QuoteRepository quotes;
    private final MediaAttachmentRepository media;
    private final String domain;
    private final Clock clock;

    public LocalPostLoader(StatusRepository statuses, AccountRepository accounts, TagRepository tags,
                           PollRepository polls, FederationRepository federation, QuoteRepository quotes,
                           MediaAttachmentRepository media, String domain, Clock clock) {
        this.quotes = quotes;
        this.media = media;
        this.statuses = statuses;
        this.accounts = accounts;
        this.tags = tags;
        this.polls = polls;
        this.federation = federation;
        this.domain = domain;
        this.clock = clock;
    }

    /** The accounts a note mentions and notifies (its non-silent mentions), as {@link #load} gives them. */
    public List<Long> mentionedAccountIds(Tx tx, long statusId) {
        return federation.activeMentions(tx, List.of(statusId)).getOrDefault(statusId, List.of());
    }

    /** The posts in the order given; a reblog whose original is gone is left out. */
    public List<LocalPost> load(Tx tx, List<Status> list) {
        List<Long> noteIds = new ArrayList<>();
        Set<Long> originalIds = new HashSet<>();
        Set<Long> parentIds = new HashSet<>();
        Set<Long> pollIds = new HashSet<>();
        Set<Long> conversationIds = new HashSet<>();
        for (Status s : list) {
            if (s.isReblog()) {
                originalIds.add(s.reblogOfId());
                continue;
            }
            noteIds.add(s.id());
            if (s.inReplyToId() != null) {
                parentIds.add(s.inReplyToId());
            }
            if (s.pollId() != null) {
                pollIds.add(s.pollId());
            }
            if (s.conversationId() != null) {
                conversationIds.add(s.conversationId());
            }
        }
        Map<Long, Status> originals = statuses.findAll(tx, originalIds);
        Map<Long, Status> parents = statuses.findAll(tx, parentIds);
        Map<Long, List<Long>> mentions = federation.activeMentions(tx, noteIds);
        Map<Long, List<String>> tagNames = tags.namesOf(tx, noteIds);
        Map<Long, Poll> pollsById = polls.findAll(tx, pollIds);
        Map<Long, String> conversationUris = federation.conversationUris(tx, conversationIds);
        Map<Long, List<Status>> selfReplies = federation.selfReplies(tx, noteIds, SELF_REPLIES);
        Map<Long, Quote> made = quotes.ofStatuses(tx, noteIds);
        Map<Long, Status> quoted = statuses.findAll(tx, made.values().stream().map(Quote::quotedStatusId)
                .filter(Objects::nonNull).toList());
        Map<Long, Integer> policies = quotes.policies(tx, noteIds);
        Map<Long, List<MediaAttachment>> attached = media.ofStatuses(tx, noteIds);

        Set<Long> accountIds = new HashSet<>();
        list.forEach(s -> accountIds.add(s.accountId()));
        originals.values().forEach(s -> accountIds.add(s.accountId()));
        mentions.values().forEach(accountIds::addAll);
        Map<Long, Account> byId = new HashMap<>();
        accounts.findAll(tx, accountIds).forEach(a -> byId.put(a.id(), a));

        List<LocalPost> out = new ArrayList<>(list.size());
        for (Status s : list) {
            Account author = byId.get(s.accountId());
            if (author == null) {
                continue;
            }
            if (s.isReblog()) {
                Status original = originals.get(s.reblogOfId());
                Account originalAuthor = original == null ? null : byId.get(original.accountId());
                if (originalAuthor != null) {
                    out.add(new LocalReblog(s, author, original, originalAuthor));
                }
                continue;
            }
            Poll poll = s.pollId() == null ? null : pollsById.get(s.pollId());
            Status parent = s.inReplyToId() == null ? null : parents.get(s.inReplyToId());
            out.add(new LocalNote(s, author,
                    mentions.getOrDefault(s.id(), List.of()).stream().map(byId::get).filter(Objects::nonNull)
                            .toList(),
                    tagNames.getOrDefault(s.id(), List.of()), poll, poll != null && poll.expired(clock.instant()),
                    parent == null ? null : parent.uri(), conversationUri(s.conversationId(), conversationUris),
                    selfReplies.getOrDefault(s.id(), List.of()), quotedUri(made.get(s.id()), quoted),
                    quotedUri(made.get(s.id()), quoted) == null ? null : made.get(s.id()).approvalUri(),
                    policies.getOrDefault(s.id(), 0), attached.getOrDefault(s.id(), List.of())));
        }
        return out;
    }

    /** Mastodon 4.5 names what a note quotes while the quote is pending or accepted (not once refused). */
    private static String quotedUri(Quote q, Map<Long, Status> quoted) {
        if (q == null || q.quotedStatusId() == null
                || q.state() != Quote.State.ACCEPTED && q.state() != Quote.State.PENDING) {
            return null;
        }
        Status s = quoted.get(q.quotedStatusId());
        return s == null ? null : s.uri();
    }

    /**
     * A thread started elsewhere keeps the id it came with; one started here has none stored and is named as
     * Mastodon names it ({@code OStatus::TagManager#unique_tag}): {@code tag:<domain>,<date>:objectId=<id>:objectType=Conversation}.
     */
    private String conversationUri(Long id, Map<Long, String> stored) {
        if (id == null) {
            return null;
        }
        String uri = stored.get(id);
        return uri != null ? uri : "tag:" + domain + "," + TAG_DATE.format(IdGenerator.timeOf(id)) + ":objectId=" + id
                + ":objectType=Conversation";
    }
}

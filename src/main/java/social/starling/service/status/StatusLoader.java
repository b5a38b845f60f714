package social.starling.service.status;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.MediaAttachmentRepository;
import social.starling.db.PollRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.model.Account;
import social.starling.model.MediaAttachment;
import social.starling.model.Poll;
import social.starling.model.Status;

/**
 * Loads statuses with what every viewer sees the same way — the status (cached, checked against its version),
 * its mentions and hashtags, the accounts of authors and the mentioned, and polls — in a fixed number of queries
 * for a whole page. Knows nothing of a viewer: {@link StatusViews} projects this for one (visibility, mutes,
 * filters, marks, own votes), and streaming can load a new status once and project it for each connection.
 */
public final class StatusLoader {
    /** A page's viewer-neutral data, by id. */
    public record Loaded(Map<Long, StatusCache.Entry> entries, Map<Long, Account> accounts, Map<Long, Poll> polls,
                         Map<Long, StatusRepository.QuoteFacts> quotes) {
        public Status status(long id) {
            StatusCache.Entry e = entries.get(id);
            return e == null ? null : e.status;
        }

        public List<Long> mentionIds(long statusId) {
            StatusCache.Entry e = entries.get(statusId);
            return e == null ? List.of() : e.mentionIds;
        }

        public List<MediaAttachment> media(long statusId) {
            StatusCache.Entry e = entries.get(statusId);
            return e == null ? List.of() : e.media;
        }

        public List<String> tags(long statusId) {
            StatusCache.Entry e = entries.get(statusId);
            return e == null ? List.of() : e.tags;
        }
    }

    private final AccountRepository accounts;
    private final PollRepository polls;
    private final StatusCache cache;

    public StatusLoader(StatusRepository statuses, AccountRepository accounts, TagRepository tags,
                        PollRepository polls, MediaAttachmentRepository media) {
        this.accounts = accounts;
        this.polls = polls;
        this.cache = new StatusCache(statuses, tags, media, 50_000);
    }

    /** The statuses among {@code ids} that exist (reblogged originals are the caller's to include in ids). */
    public Loaded load(Tx tx, Collection<Long> ids) {
        return loaded(tx, cache.load(tx, ids));
    }

    /** As {@link #load(Tx, Collection)} for statuses whose stamps the caller's query read already. */
    public Loaded loadStamped(Tx tx, Iterable<StatusRepository.Stamp> stamps) {
        return loaded(tx, cache.load(tx, stamps));
    }

    private Loaded loaded(Tx tx, StatusCache.Found found) {
        Map<Long, StatusCache.Entry> entries = found.entries();
        Set<Long> accountIds = new HashSet<>();
        Set<Long> pollIds = new HashSet<>();
        for (StatusCache.Entry e : entries.values()) {
            accountIds.add(e.status.accountId());
            accountIds.addAll(e.mentionIds);
            if (e.status.pollId() != null) {
                pollIds.add(e.status.pollId());
            }
        }
        Map<Long, Account> byId = new HashMap<>();
        accounts.findAll(tx, accountIds).forEach(a -> byId.put(a.id(), a));
        return new Loaded(entries, byId, polls.findAll(tx, pollIds), found.quotes());
    }
}

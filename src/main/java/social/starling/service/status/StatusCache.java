package social.starling.service.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import social.starling.db.MediaAttachmentRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.model.MediaAttachment;
import social.starling.model.Status;
import social.starling.text.HtmlSanitizer;

/**
 * Statuses with their mentions and tags, for a page at once, through a cache checked against each status's
 * {@code version} on every use: one narrow query gives the versions (of reblogs and of what they reblog), and only
 * statuses changed since, or not seen before, are read in full. What comes back is therefore as current as reading
 * everything, as long as writers bump the version (see {@link StatusRepository}).
 */
public final class StatusCache {
    /** A status as loaded at one version, with what does not depend on who looks at it. */
    public static final class Entry {
        final Status status;
        final List<Long> mentionIds;
        final List<String> tags;
        final List<MediaAttachment> media;
        final StatusRepository.QuoteFacts quote;
        private volatile String plainText;

        Entry(Status status, List<Long> mentionIds, List<String> tags, List<MediaAttachment> media,
              StatusRepository.QuoteFacts quote) {
            this.status = status;
            this.mentionIds = mentionIds;
            this.tags = tags;
            this.media = media;
            this.quote = quote;
        }

        /** The attachments, in order (attached media change only with the status's version: edits). */
        public List<MediaAttachment> media() {
            return media;
        }

        public Status status() {
            return status;
        }

        public List<Long> mentionIds() {
            return mentionIds;
        }

        public List<String> tags() {
            return tags;
        }

        /** The content warning and the text without markup, which keyword filters match (computed once). */
        String plainText() {
            String text = plainText;
            if (text == null) {
                text = status.spoilerText() + "\n" + HtmlSanitizer.toPlainText(status.content());
                plainText = text;
            }
            return text;
        }
    }

    private static final StatusRepository.QuoteFacts NO_QUOTES = new StatusRepository.QuoteFacts(0, 0, false);

    private final StatusRepository statuses;
    private final TagRepository tags;
    private final MediaAttachmentRepository media;
    private final Cache<Long, Entry> cache;

    StatusCache(StatusRepository statuses, TagRepository tags, MediaAttachmentRepository media, int maximumSize) {
        this.statuses = statuses;
        this.tags = tags;
        this.media = media;
        // The version check keeps entries current; the expiry only bounds what a writer forgetting it would cost.
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(Duration.ofHours(1)).build();
    }

    /** Statuses found by {@link #load}, and their quote facts (cached with them: the version covers them), by id. */
    record Found(Map<Long, Entry> entries, Map<Long, StatusRepository.QuoteFacts> quotes) {
    }

    /** The statuses with these ids that exist, and the statuses those reblog, by id. */
    Found load(Tx tx, Collection<Long> ids) {
        return load(tx, statuses.stamps(tx, ids).values());
    }

    /** As {@link #load(Tx, Collection)} for statuses whose stamps the caller read already (in this transaction). */
    Found load(Tx tx, Iterable<StatusRepository.Stamp> stamps) {
        Map<Long, Integer> wanted = new HashMap<>();
        for (StatusRepository.Stamp stamp : stamps) {
            wanted.put(stamp.id(), stamp.version());
            if (stamp.reblogOfId() != null && stamp.reblogVersion() != null) {
                wanted.put(stamp.reblogOfId(), stamp.reblogVersion());
            }
        }
        Map<Long, Entry> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        wanted.forEach((id, version) -> {
            Entry cached = cache.getIfPresent(id);
            if (cached != null && cached.status.version() == version) {
                out.put(id, cached);
            } else {
                missing.add(id);
            }
        });
        if (!missing.isEmpty()) {
            Map<Long, Status> rows = statuses.findAll(tx, missing);
            Map<Long, List<Long>> mentions = statuses.mentions(tx, rows.keySet());
            Map<Long, List<String>> names = tags.namesOf(tx, rows.keySet());
            Map<Long, List<MediaAttachment>> attached = media.ofStatuses(tx, rows.keySet());
            Map<Long, StatusRepository.QuoteFacts> facts = statuses.quoteFacts(tx, rows.keySet());
            rows.forEach((id, status) -> {
                Entry entry = new Entry(status, List.copyOf(mentions.getOrDefault(id, List.of())),
                        List.copyOf(names.getOrDefault(id, List.of())),
                        List.copyOf(attached.getOrDefault(id, List.of())),
                        facts.getOrDefault(id, NO_QUOTES));
                cache.put(id, entry);
                out.put(id, entry);
            });
        }
        Map<Long, StatusRepository.QuoteFacts> quotes = new HashMap<>();
        out.forEach((id, entry) -> quotes.put(id, entry.quote));
        return new Found(out, quotes);
    }
}

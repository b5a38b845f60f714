package social.starling.service.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import social.starling.db.MediaAttachmentRepository;
import social.starling.db.Tx;
import social.starling.errors.UnprocessableException;
import social.starling.model.Limits;
import social.starling.model.IdGenerator;
import social.starling.model.MediaAttachment;
import social.starling.model.MediaMeta;
import social.starling.model.federation.RemoteNote;

/**
 * The {@code media_ids} of a post or an edit, with Mastodon's rules (PostStatusService#validate_media!): at most
 * four and never with a poll; each the author's own and not held by another post; a video or audio file alone;
 * none still processing. Messages are Mastodon's.
 */
public final class StatusMedia {
    static final String TOO_MANY = "Cannot attach more than " + Limits.STATUS_MAX_MEDIA + " files";
    static final String MIXED = "Cannot attach a video to a post that already contains images";
    static final String NOT_READY = "Cannot attach files that have not finished processing. Try again in a moment!";

    private final MediaAttachmentRepository media;

    public StatusMedia(MediaAttachmentRepository media) {
        this.media = media;
    }

    /** The checks that need no database: count, and media with a poll. */
    public static void checkShape(List<String> mediaIds, boolean hasPoll) {
        if (mediaIds == null || mediaIds.isEmpty()) {
            return;
        }
        if (mediaIds.size() > Limits.STATUS_MAX_MEDIA || hasPoll) {
            throw new UnprocessableException(TOO_MANY);
        }
    }

    /**
     * The attachments named, in order, checked; {@code statusId} is the status being edited (its own media may be
     * named again), null for a new post.
     */
    public List<MediaAttachment> resolve(Tx tx, long authorId, List<String> mediaIds, Long statusId) {
        if (mediaIds == null || mediaIds.isEmpty()) {
            return List.of();
        }
        checkShape(mediaIds, false);
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        List<String> notFound = new ArrayList<>();
        for (String raw : mediaIds) {
            try {
                ids.add(Long.parseLong(raw.trim()));
            } catch (NumberFormatException e) {
                notFound.add(raw);
            }
        }
        Map<Long, MediaAttachment> found = media.findAll(tx, ids);
        List<MediaAttachment> out = new ArrayList<>();
        for (long id : ids) {
            MediaAttachment m = found.get(id);
            if (m == null || m.accountId() != authorId
                    || (m.statusId() != null && !m.statusId().equals(statusId))) {
                notFound.add(Long.toString(id));
            } else {
                out.add(m);
            }
        }
        if (!notFound.isEmpty()) {
            throw new UnprocessableException("Media " + String.join(", ", notFound)
                    + " not found or already attached to another post");
        }
        if (out.size() > 1 && out.stream().anyMatch(m -> m.type().equals("video") || m.type().equals("audio"))) {
            throw new UnprocessableException(MIXED);
        }
        if (out.stream().anyMatch(m -> !m.ready())) {
            throw new UnprocessableException(NOT_READY);
        }
        return out;
    }

    /** Records a remote note's attachments for its new status (files are fetched when first shown). */
    public void insertRemote(Tx tx, long statusId, long accountId, List<RemoteNote.Attachment> attachments,
                             IdGenerator ids, Instant now) {
        for (int i = 0; i < attachments.size(); i++) {
            RemoteNote.Attachment a = attachments.get(i);
            MediaMeta meta = a.width() == null || a.height() == null ? null
                    : MediaMeta.image(MediaMeta.Size.image(a.width(), a.height()), null);
            media.insert(tx, new MediaAttachment(ids.next(), accountId, statusId, i, a.type(), MediaAttachment.READY,
                    null, a.mediaType(), 0, null, 0, a.url(), a.previewUrl(), a.description(), a.focusX(),
                    a.focusY(), a.blurhash(), meta, now), now);
        }
    }

    /**
     * An edited remote note's attachments: kept when the same file at the same place (its description and focus
     * updated), otherwise the old rows let go (the sweep deletes them) and new rows recorded. Returns whether
     * anything changed.
     */
    public boolean replaceRemote(Tx tx, long statusId, long accountId, List<RemoteNote.Attachment> attachments,
                                 IdGenerator ids, Instant now) {
        List<MediaAttachment> current = media.ofStatuses(tx, List.of(statusId)).getOrDefault(statusId, List.of());
        List<String> before = current.stream().map(MediaAttachment::remoteUrl).toList();
        List<String> after = attachments.stream().map(RemoteNote.Attachment::url).toList();
        if (before.equals(after)) {
            boolean changed = false;
            for (int i = 0; i < current.size(); i++) {
                MediaAttachment m = current.get(i);
                RemoteNote.Attachment a = attachments.get(i);
                if (!java.util.Objects.equals(m.description(), a.description())
                        || !java.util.Objects.equals(m.focusX(), a.focusX())
                        || !java.util.Objects.equals(m.focusY(), a.focusY())) {
                    media.describe(tx, m.id(), a.description(), a.focusX(), a.focusY(), now);
                    changed = true;
                }
            }
            return changed;
        }
        media.detachOthers(tx, statusId, List.of(), now);
        insertRemote(tx, statusId, accountId, attachments, ids, now);
        return true;
    }

    /** Attaches {@code chosen} to the status in order, letting go of what it held before and no longer names. */
    public void attach(Tx tx, long statusId, long authorId, List<MediaAttachment> chosen, Instant now) {
        List<Long> ids = chosen.stream().map(MediaAttachment::id).toList();
        media.detachOthers(tx, statusId, ids, now);
        if (!ids.isEmpty() && media.attach(tx, statusId, authorId, ids, now) != ids.size()) {
            throw new UnprocessableException("Media " + ids + " not found or already attached to another post");
        }
    }
}

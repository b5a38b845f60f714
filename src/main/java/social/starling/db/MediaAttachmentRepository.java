package social.starling.db;

import static social.starling.db.schema.Tables.MEDIA_ATTACHMENTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;
import social.starling.db.schema.tables.records.MediaAttachmentsRecord;
import social.starling.model.MediaAttachment;
import social.starling.model.MediaMeta;

/**
 * Media attachments (table {@code media_attachments}): uploads before and after a post attaches them, remote
 * attachments and the bookkeeping of their cached copies (sizes and last use, for the size-bounded LRU cache).
 */
public final class MediaAttachmentRepository {
    private final ObjectMapper json;

    public MediaAttachmentRepository(ObjectMapper json) {
        this.json = json;
    }

    public void insert(Tx tx, MediaAttachment m, Instant now) {
        tx.dsl().insertInto(MEDIA_ATTACHMENTS)
                .set(MEDIA_ATTACHMENTS.ID, m.id())
                .set(MEDIA_ATTACHMENTS.ACCOUNT_ID, m.accountId())
                .set(MEDIA_ATTACHMENTS.STATUS_ID, m.statusId())
                .set(MEDIA_ATTACHMENTS.POSITION, m.position())
                .set(MEDIA_ATTACHMENTS.TYPE, m.type())
                .set(MEDIA_ATTACHMENTS.STATE, m.state())
                .set(MEDIA_ATTACHMENTS.FILE_KEY, m.fileKey())
                .set(MEDIA_ATTACHMENTS.FILE_CONTENT_TYPE, m.fileContentType())
                .set(MEDIA_ATTACHMENTS.FILE_SIZE, m.fileSize())
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_KEY, m.thumbnailKey())
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_SIZE, m.thumbnailSize())
                .set(MEDIA_ATTACHMENTS.REMOTE_URL, m.remoteUrl())
                .set(MEDIA_ATTACHMENTS.REMOTE_PREVIEW_URL, m.remotePreviewUrl())
                .set(MEDIA_ATTACHMENTS.DESCRIPTION, m.description())
                .set(MEDIA_ATTACHMENTS.FOCUS_X, m.focusX())
                .set(MEDIA_ATTACHMENTS.FOCUS_Y, m.focusY())
                .set(MEDIA_ATTACHMENTS.BLURHASH, m.blurhash())
                .set(MEDIA_ATTACHMENTS.META, encode(m.meta()))
                .set(MEDIA_ATTACHMENTS.LAST_USED_AT, m.fileKey() != null && m.isRemote() ? now : null)
                .set(MEDIA_ATTACHMENTS.CREATED_AT, m.createdAt() == null ? now : m.createdAt())
                .set(MEDIA_ATTACHMENTS.UPDATED_AT, now)
                .execute();
    }

    public Optional<MediaAttachment> find(Tx tx, long id) {
        return tx.dsl().selectFrom(MEDIA_ATTACHMENTS).where(MEDIA_ATTACHMENTS.ID.eq(id)).fetchOptional(this::toModel);
    }

    /** These attachments that exist, by id. */
    public Map<Long, MediaAttachment> findAll(Tx tx, Collection<Long> ids) {
        Map<Long, MediaAttachment> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        tx.dsl().selectFrom(MEDIA_ATTACHMENTS).where(MEDIA_ATTACHMENTS.ID.in(ids))
                .forEach(r -> out.put(r.getId(), toModel(r)));
        return out;
    }

    /** The attachments of these statuses, in their order, by status id (statuses without any are absent). */
    public Map<Long, List<MediaAttachment>> ofStatuses(Tx tx, Collection<Long> statusIds) {
        Map<Long, List<MediaAttachment>> out = new HashMap<>();
        if (statusIds.isEmpty()) {
            return out;
        }
        tx.dsl().selectFrom(MEDIA_ATTACHMENTS).where(MEDIA_ATTACHMENTS.STATUS_ID.in(statusIds))
                .orderBy(MEDIA_ATTACHMENTS.STATUS_ID, MEDIA_ATTACHMENTS.POSITION, MEDIA_ATTACHMENTS.ID)
                .forEach(r -> out.computeIfAbsent(r.getStatusId(), k -> new ArrayList<>()).add(toModel(r)));
        return out;
    }

    /** The outcome of processing: the files, what they are, and the state (ready or failed). */
    public void finish(Tx tx, MediaAttachment m, Instant now) {
        tx.dsl().update(MEDIA_ATTACHMENTS)
                .set(MEDIA_ATTACHMENTS.TYPE, m.type())
                .set(MEDIA_ATTACHMENTS.STATE, m.state())
                .set(MEDIA_ATTACHMENTS.FILE_KEY, m.fileKey())
                .set(MEDIA_ATTACHMENTS.FILE_CONTENT_TYPE, m.fileContentType())
                .set(MEDIA_ATTACHMENTS.FILE_SIZE, m.fileSize())
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_KEY, m.thumbnailKey())
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_SIZE, m.thumbnailSize())
                .set(MEDIA_ATTACHMENTS.BLURHASH, m.blurhash())
                .set(MEDIA_ATTACHMENTS.META, encode(m.meta()))
                .set(MEDIA_ATTACHMENTS.UPDATED_AT, now)
                .where(MEDIA_ATTACHMENTS.ID.eq(m.id()))
                .execute();
    }

    public void describe(Tx tx, long id, String description, Double focusX, Double focusY, Instant now) {
        tx.dsl().update(MEDIA_ATTACHMENTS)
                .set(MEDIA_ATTACHMENTS.DESCRIPTION, description)
                .set(MEDIA_ATTACHMENTS.FOCUS_X, focusX)
                .set(MEDIA_ATTACHMENTS.FOCUS_Y, focusY)
                .set(MEDIA_ATTACHMENTS.UPDATED_AT, now)
                .where(MEDIA_ATTACHMENTS.ID.eq(id))
                .execute();
    }

    /**
     * Attaches {@code mediaIds} to a status in that order: only the owner's media that no other status holds.
     * Returns how many rows were attached (fewer than asked means some were taken meanwhile).
     */
    public int attach(Tx tx, long statusId, long ownerId, List<Long> mediaIds, Instant now) {
        int done = 0;
        for (int i = 0; i < mediaIds.size(); i++) {
            done += tx.dsl().update(MEDIA_ATTACHMENTS)
                    .set(MEDIA_ATTACHMENTS.STATUS_ID, statusId)
                    .set(MEDIA_ATTACHMENTS.POSITION, i)
                    .set(MEDIA_ATTACHMENTS.UPDATED_AT, now)
                    .where(MEDIA_ATTACHMENTS.ID.eq(mediaIds.get(i)))
                    .and(MEDIA_ATTACHMENTS.ACCOUNT_ID.eq(ownerId))
                    .and(MEDIA_ATTACHMENTS.STATUS_ID.isNull().or(MEDIA_ATTACHMENTS.STATUS_ID.eq(statusId)))
                    .execute();
        }
        return done;
    }

    /** Lets go of a status's media not in {@code keep} (an edit removed them); the sweep deletes them later. */
    public void detachOthers(Tx tx, long statusId, Collection<Long> keep, Instant now) {
        var where = MEDIA_ATTACHMENTS.STATUS_ID.eq(statusId);
        if (!keep.isEmpty()) {
            where = where.and(MEDIA_ATTACHMENTS.ID.notIn(keep));
        }
        tx.dsl().update(MEDIA_ATTACHMENTS).set(MEDIA_ATTACHMENTS.STATUS_ID, (Long) null)
                .set(MEDIA_ATTACHMENTS.CREATED_AT, now)
                .set(MEDIA_ATTACHMENTS.UPDATED_AT, now).where(where).execute();
    }

    /** Attachments no status holds, created before {@code cutoff} (abandoned uploads, media of deleted posts). */
    public List<MediaAttachment> unattachedBefore(Tx tx, Instant cutoff, int limit) {
        return tx.dsl().selectFrom(MEDIA_ATTACHMENTS)
                .where(MEDIA_ATTACHMENTS.STATUS_ID.isNull()).and(MEDIA_ATTACHMENTS.CREATED_AT.lt(cutoff))
                .orderBy(MEDIA_ATTACHMENTS.CREATED_AT).limit(limit).fetch(this::toModel);
    }

    /** Processing rows older than {@code cutoff}: the node that processed them stopped; they are failed. */
    public int failStaleProcessing(Tx tx, Instant cutoff, Instant now) {
        return tx.dsl().update(MEDIA_ATTACHMENTS).set(MEDIA_ATTACHMENTS.STATE, MediaAttachment.FAILED)
                .set(MEDIA_ATTACHMENTS.UPDATED_AT, now)
                .where(MEDIA_ATTACHMENTS.STATE.eq(MediaAttachment.PROCESSING))
                .and(MEDIA_ATTACHMENTS.UPDATED_AT.lt(cutoff)).execute();
    }

    /** How many attachments there are (tests, statistics). */
    public int count(Tx tx) {
        return tx.dsl().fetchCount(MEDIA_ATTACHMENTS);
    }

    public void delete(Tx tx, long id) {
        tx.dsl().deleteFrom(MEDIA_ATTACHMENTS).where(MEDIA_ATTACHMENTS.ID.eq(id)).execute();
    }

    // --- the cache of remote media ---

    /** Records a cached copy of a remote attachment (only if none is recorded: two fetches race harmlessly). */
    public boolean cached(Tx tx, long id, String fileKey, String contentType, long fileSize, String thumbnailKey,
                          long thumbnailSize, Instant now) {
        return tx.dsl().update(MEDIA_ATTACHMENTS)
                .set(MEDIA_ATTACHMENTS.FILE_KEY, fileKey)
                .set(MEDIA_ATTACHMENTS.FILE_CONTENT_TYPE, contentType)
                .set(MEDIA_ATTACHMENTS.FILE_SIZE, fileSize)
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_KEY, thumbnailKey)
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_SIZE, thumbnailSize)
                .set(MEDIA_ATTACHMENTS.LAST_USED_AT, now)
                .set(MEDIA_ATTACHMENTS.UPDATED_AT, now)
                .where(MEDIA_ATTACHMENTS.ID.eq(id)).and(MEDIA_ATTACHMENTS.FILE_KEY.isNull())
                .execute() == 1;
    }

    /** Marks a cached copy as used now (LRU order). */
    public void touch(Tx tx, long id, Instant now) {
        tx.dsl().update(MEDIA_ATTACHMENTS).set(MEDIA_ATTACHMENTS.LAST_USED_AT, now)
                .where(MEDIA_ATTACHMENTS.ID.eq(id)).execute();
    }

    /** Bytes the cached copies of remote media take. */
    public long cachedBytes(Tx tx) {
        Long sum = tx.dsl().select(DSL.sum(MEDIA_ATTACHMENTS.FILE_SIZE.plus(MEDIA_ATTACHMENTS.THUMBNAIL_SIZE))
                        .cast(Long.class))
                .from(MEDIA_ATTACHMENTS)
                .where(MEDIA_ATTACHMENTS.REMOTE_URL.isNotNull()).and(MEDIA_ATTACHMENTS.FILE_KEY.isNotNull())
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    /** The least recently used cached copies, oldest first. */
    public List<MediaAttachment> leastRecentlyUsed(Tx tx, int limit) {
        return tx.dsl().selectFrom(MEDIA_ATTACHMENTS)
                .where(MEDIA_ATTACHMENTS.REMOTE_URL.isNotNull()).and(MEDIA_ATTACHMENTS.FILE_KEY.isNotNull())
                .orderBy(MEDIA_ATTACHMENTS.LAST_USED_AT, MEDIA_ATTACHMENTS.ID).limit(limit).fetch(this::toModel);
    }

    /** Forgets a cached copy (its files are the caller's to delete); the attachment stays, served from afar. */
    public boolean evicted(Tx tx, long id, String fileKey) {
        return tx.dsl().update(MEDIA_ATTACHMENTS)
                .set(MEDIA_ATTACHMENTS.FILE_KEY, (String) null)
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_KEY, (String) null)
                .set(MEDIA_ATTACHMENTS.FILE_SIZE, 0L)
                .set(MEDIA_ATTACHMENTS.THUMBNAIL_SIZE, 0L)
                .set(MEDIA_ATTACHMENTS.LAST_USED_AT, (Instant) null)
                .where(MEDIA_ATTACHMENTS.ID.eq(id)).and(MEDIA_ATTACHMENTS.FILE_KEY.eq(fileKey))
                .execute() == 1;
    }

    private String encode(MediaMeta meta) {
        if (meta == null) {
            return null;
        }
        try {
            return json.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MediaMeta decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MediaMeta.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private MediaAttachment toModel(MediaAttachmentsRecord r) {
        return new MediaAttachment(r.getId(), r.getAccountId(), r.getStatusId(), r.getPosition(), r.getType(),
                r.getState(), r.getFileKey(), r.getFileContentType(), r.getFileSize(), r.getThumbnailKey(),
                r.getThumbnailSize(), r.getRemoteUrl(), r.getRemotePreviewUrl(), r.getDescription(), r.getFocusX(),
                r.getFocusY(), r.getBlurhash(), decode(r.getMeta()), r.getCreatedAt());
    }
}

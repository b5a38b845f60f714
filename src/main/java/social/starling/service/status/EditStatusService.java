package social.starling.service.status;

import social.starling.db.MediaAttachmentRepository;
import social.starling.model.MediaAttachment;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import social.starling.db.Database;
import social.starling.db.PollRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusEditRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.jobs.JobQueue;
import social.starling.service.outbox.Outbox;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.Poll;
import social.starling.model.QuotePolicy;
import social.starling.model.Status;
import social.starling.model.StatusEdit;
import social.starling.text.TextEntity;

/**
 * {@code PUT /api/v1/statuses/:id}, as Mastodon's UpdateStatusService: only the author edits (anyone else's status
 * is "not found"); the content follows the same rules as posting; visibility and the reply target do not change.
 * As Mastodon's controller passes every field, a field left out is reset: no {@code spoiler_text} removes the
 * warning, no {@code sensitive} clears the flag (unless there is a warning), no {@code poll} removes the poll.
 * Changing a poll's options or its multiple-choice setting discards its votes; any poll given restarts its clock.
 * An edit that changes nothing records nothing. The first edit also records the original (dated at its creation);
 * mentions dropped from the text become silent (their accounts keep access), new ones are notified, and local
 * accounts that reblogged the status get an "update" notification (the {@link StatusEditNotifier} job).
 */
public final class EditStatusService {
    /**
     * @param mediaIds            the attachments after the edit, in order; null (not given) keeps them
     * @param mediaAttributes     new descriptions and focal points of attachments the status keeps
     * @param quoteApprovalPolicy a new quote policy (public, followers, nobody), or null to keep it
     */
    public record Request(String text, String spoilerText, Boolean sensitive, String language,
                          PostStatusService.PollRequest poll, List<String> mediaIds, String quoteApprovalPolicy,
                          List<MediaAttribute> mediaAttributes) {
        public Request(String text, String spoilerText, Boolean sensitive, String language,
                       PostStatusService.PollRequest poll, List<String> mediaIds, String quoteApprovalPolicy) {
            this(text, spoilerText, sensitive, language, poll, mediaIds, quoteApprovalPolicy, List.of());
        }

        public Request(String text, String spoilerText, Boolean sensitive, String language,
                       PostStatusService.PollRequest poll, List<String> mediaIds) {
            this(text, spoilerText, sensitive, language, poll, mediaIds, null, List.of());
        }
    }

    /** Mastodon's {@code media_attributes[]}: an attachment's new description and focus ("x,y"), by id. */
    public record MediaAttribute(String id, String description, String focus) {
    }

    private final Database db;
    private final StatusRepository statuses;
    private final StatusEditRepository edits;
    private final PollRepository polls;
    private final TagRepository tags;
    private final StatusComposer composer;
    private final JobQueue jobs;
    private final Outbox outbox;
    private final QuoteRepository quotes;
    private final StatusMedia media;
    private final MediaAttachmentRepository mediaRows;
    private final IdGenerator ids;
    private final Clock clock;

    public EditStatusService(Database db, StatusRepository statuses, StatusEditRepository edits, PollRepository polls,
                             TagRepository tags, StatusComposer composer, JobQueue jobs, Outbox outbox,
                             QuoteRepository quotes, MediaAttachmentRepository mediaRows, IdGenerator ids,
                             Clock clock) {
        this.quotes = quotes;
        this.mediaRows = mediaRows;
        this.media = new StatusMedia(mediaRows);
        this.db = db;
        this.statuses = statuses;
        this.edits = edits;
        this.polls = polls;
        this.tags = tags;
        this.composer = composer;
        this.jobs = jobs;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    public Status edit(long accountId, long statusId, Request r) {
        own(accountId, statusId);
        String text = r.text() == null ? "" : r.text().strip();
        String spoiler = r.spoilerText() == null ? "" : r.spoilerText().strip();
        if (r.quoteApprovalPolicy() != null && QuotePolicy.fromApi(r.quoteApprovalPolicy()).isEmpty()) {
            throw new UnprocessableException("Record invalid"); // Mastodon's bare ActiveRecord::RecordInvalid
        }
        StatusValidator.validate(text, spoiler, null, r.language(), r.poll(), r.mediaIds());
        StatusComposer.Composed composed = composer.compose(text);
        return db.inTransaction(tx -> apply(tx, accountId, statusId, r, text, spoiler, composed));
    }

    private Status apply(Tx tx, long accountId, long statusId, Request r, String text, String spoiler,
                         StatusComposer.Composed composed) {
        Instant now = clock.instant();
        Status current = statuses.find(tx, statusId).filter(s -> s.accountId() == accountId && !s.isReblog())
                .orElseThrow(() -> new NotFoundException("Record not found"));
        if (r.quoteApprovalPolicy() != null) {
            // Mastodon's UpdateStatusService#update_interaction_policies!: a policy change alone is no edit.
            quotes.setPolicy(tx, statusId, QuotePolicy.forVisibility(
                    QuotePolicy.fromApi(r.quoteApprovalPolicy()).orElseThrow(), current.visibility()));
        }
        Poll poll = current.pollId() == null ? null : polls.find(tx, current.pollId()).orElse(null);
        boolean sensitive = Boolean.TRUE.equals(r.sensitive()) || !spoiler.isEmpty();
        String language = r.language() != null && !r.language().isBlank() ? r.language().trim() : current.language();
        List<MediaAttachment> before = mediaRows.ofStatuses(tx, List.of(statusId)).getOrDefault(statusId, List.of());
        List<MediaAttachment> after = r.mediaIds() == null ? before
                : media.resolve(tx, accountId, r.mediaIds(), statusId);
        boolean mediaChanged = !after.stream().map(MediaAttachment::id).toList()
                .equals(before.stream().map(MediaAttachment::id).toList());
        boolean described = describe(tx, after, r.mediaAttributes(), now);
        boolean changed = !text.equals(current.text()) || !spoiler.equals(current.spoilerText())
                || sensitive != current.sensitive() || !Objects.equals(language, current.language())
                || r.poll() != null || poll != null || mediaChanged || described;
        if (!changed) {
            return current;
        }
        if (!edits.hasEdits(tx, statusId)) {
            edits.insert(tx, new StatusEdit(ids.next(), statusId, current.accountId(), current.text(),
                    current.content(), current.spoilerText(), current.sensitive(),
                    poll == null ? null : poll.options(), current.createdAt()));
        }
        if (mediaChanged) {
            media.attach(tx, statusId, accountId, after, now);
        }
        Long pollId = updatePoll(tx, current, poll, r.poll(), now);
        statuses.updateContent(tx, statusId, text, composed.content(), spoiler, sensitive, language, pollId, now);

        Set<Long> mentioned = new LinkedHashSet<>();
        for (Account a : composed.mentioned().values()) {
            mentioned.add(a.id());
            edits.mention(tx, statusId, a.id());
        }
        edits.silenceMentionsExcept(tx, statusId, mentioned);
        tags.detachAll(tx, statusId);
        for (TextEntity.Hashtag tag : composed.extracted().hashtags()) {
            tags.attach(tx, statusId, tags.findOrCreate(tx, tag.name(), ids, now).id(), now);
        }
        List<String> options = r.poll() == null ? null : StatusValidator.options(r.poll());
        edits.insert(tx, new StatusEdit(ids.next(), statusId, accountId, text, composed.content(), spoiler, sensitive,
                options, now));
        Status updated = statuses.require(tx, statusId);
        outbox.statusEdited(tx, updated);
        return updated;
    }

    /** Applies {@code media_attributes} to the status's attachments; returns whether any changed. */
    private boolean describe(Tx tx, List<MediaAttachment> kept, List<MediaAttribute> attributes, Instant now) {
        boolean changed = false;
        for (MediaAttribute a : attributes == null ? List.<MediaAttribute>of() : attributes) {
            MediaAttachment m = kept.stream().filter(k -> Long.toString(k.id()).equals(a.id())).findFirst()
                    .orElse(null);
            if (m == null) {
                continue;
            }
            String description = a.description() == null ? m.description()
                    : a.description().isBlank() ? null : a.description();
            if (description != null && description.codePointCount(0, description.length())
                    > social.starling.model.Limits.MEDIA_DESCRIPTION_LIMIT) {
                throw new UnprocessableException("Validation failed: Description is too long (maximum is "
                        + social.starling.model.Limits.MEDIA_DESCRIPTION_LIMIT + " characters)");
            }
            var focus = a.focus() == null ? null : social.starling.service.media.MediaService.Focus.parse(a.focus());
            Double x = a.focus() == null ? m.focusX() : focus == null ? null : focus.x();
            Double y = a.focus() == null ? m.focusY() : focus == null ? null : focus.y();
            if (!Objects.equals(description, m.description()) || !Objects.equals(x, m.focusX())
                    || !Objects.equals(y, m.focusY())) {
                mediaRows.describe(tx, m.id(), description, x, y, now);
                changed = true;
            }
        }
        return changed;
    }

    /** Adds, changes or removes the poll; returns the status's poll id afterwards. */
    private Long updatePoll(Tx tx, Status status, Poll poll, PostStatusService.PollRequest wanted, Instant now) {
        if (wanted == null) {
            if (poll != null) {
                polls.delete(tx, poll.id());
            }
            return null;
        }
        List<String> options = StatusValidator.options(wanted);
        Instant expiresAt = now.plusSeconds(wanted.expiresIn());
        long pollId;
        if (poll == null) {
            pollId = ids.next();
            polls.insert(tx, pollId, status.id(), status.accountId(), options, wanted.multiple(),
                    wanted.hideTotals(), expiresAt, now);
        } else {
            pollId = poll.id();
            polls.update(tx, pollId, options, wanted.multiple(), wanted.hideTotals(), expiresAt, now);
            if (!options.equals(poll.options()) || wanted.multiple() != poll.multiple()) {
                polls.resetVotes(tx, pollId, now);
            }
        }
        // The job queued for the old end finds the poll not yet due and leaves it to this one.
        jobs.enqueueAt(tx, StatusJobs.CLOSE_POLL, new StatusJobs.PollPayload(pollId), expiresAt);
        return pollId;
    }

    private void own(long accountId, long statusId) {
        db.read(tx -> statuses.find(tx, statusId)).filter(s -> s.accountId() == accountId && !s.isReblog())
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }
}

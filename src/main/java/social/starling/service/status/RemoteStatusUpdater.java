package social.starling.service.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.PollRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.StatusEditRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.jobs.JobQueue;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.Poll;
import social.starling.model.Status;
import social.starling.model.StatusEdit;
import social.starling.model.federation.RemoteNote;
import social.starling.service.outbox.Outbox;

/**
 * An {@code Update} of a remote note, as Mastodon's ActivityPub::ProcessStatusUpdateService: only its author's, and
 * only a newer version. When the note says it was edited ({@code updated}) later than the stored edit, it is an
 * explicit edit: content, content warning, sensitivity, language, poll, mentions and hashtags are replaced, and
 * when any of the first five changed a revision is recorded in {@code status_edits} (the first edit also records
 * the original, dated at its creation) and the {@code status.edited} job tells newly mentioned people and local
 * rebloggers ({@link StatusEditNotifier}). Otherwise it is an implicit update: only the poll's counts (votes
 * arriving) are taken. Visibility and the reply target never change.
 */
public final class RemoteStatusUpdater {
    public enum Outcome { EDITED, POLL_UPDATED, UNCHANGED, REFUSED }

    private final Database db;
    private final StatusRepository statuses;
    private final StatusEditRepository edits;
    private final PollRepository polls;
    private final TagRepository tags;
    private final JobQueue jobs;
    private final Outbox outbox;
    private final QuoteRepository quotes;
    private final StatusMedia media;
    private final IdGenerator ids;
    private final Clock clock;

    public RemoteStatusUpdater(Database db, StatusRepository statuses, StatusEditRepository edits,
                               PollRepository polls, TagRepository tags, JobQueue jobs, Outbox outbox,
                               QuoteRepository quotes, StatusMedia media, IdGenerator ids, Clock clock) {
        this.quotes = quotes;
        this.media = media;
        this.db = db;
        this.statuses = statuses;
        this.edits = edits;
        this.polls = polls;
        this.tags = tags;
        this.jobs = jobs;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** Applies {@code note} to the stored status with its URI, if {@code author} wrote it. */
    public Outcome update(Account author, RemoteNote note, List<Long> mentioned) {
        return db.inTransaction(tx -> {
            Optional<Status> found = statuses.findByUri(tx, note.uri())
                    .filter(s -> s.accountId() == author.id() && !s.local() && !s.isReblog());
            if (found.isEmpty()) {
                return Outcome.REFUSED;
            }
            Status current = found.get();
            Instant now = clock.instant();
            Poll poll = current.pollId() == null ? null : polls.find(tx, current.pollId()).orElse(null);
            boolean explicit = note.updated() != null
                    && (current.editedAt() == null || note.updated().isAfter(current.editedAt()));
            if (!explicit) {
                if (poll != null && note.poll() != null && sameOptions(poll, note.poll())) {
                    writeTallies(polls, tx, poll.id(), note.poll(), now);
                    statuses.bumpVersion(tx, current.id());
                    return Outcome.POLL_UPDATED;
                }
                return Outcome.UNCHANGED;
            }
            return edit(tx, current, poll, note, mentioned, now);
        });
    }

    private Outcome edit(Tx tx, Status current, Poll poll, RemoteNote note, List<Long> mentioned, Instant now) {
        List<String> newOptions = note.poll() == null ? null
                : note.poll().options().stream().map(RemoteNote.Option::title).toList();
        boolean mediaChanged = media.replaceRemote(tx, current.id(), current.accountId(),
                note.attachments() == null ? List.of() : note.attachments(), ids, now);
        boolean significant = !note.content().equals(current.content())
                || !note.spoilerText().equals(current.spoilerText()) || note.sensitive() != current.sensitive()
                || !Objects.equals(newOptions, poll == null ? null : poll.options()) || mediaChanged;
        if (significant && !edits.hasEdits(tx, current.id())) {
            edits.insert(tx, new StatusEdit(ids.next(), current.id(), current.accountId(), current.text(),
                    current.content(), current.spoilerText(), current.sensitive(),
                    poll == null ? null : poll.options(), current.createdAt()));
        }
        Long pollId = updatePoll(tx, current, poll, note.poll(), now);
        String language = note.language() != null ? note.language() : current.language();
        if (significant) {
            statuses.updateContent(tx, current.id(), current.text(), note.content(), note.spoilerText(),
                    note.sensitive(), language, pollId, note.updated());
        } else {
            statuses.bumpVersion(tx, current.id()); // mentions, tags or poll counts may still have changed
        }
        for (long id : mentioned) {
            edits.mention(tx, current.id(), id);
        }
        edits.silenceMentionsExcept(tx, current.id(), mentioned);
        tags.detachAll(tx, current.id());
        for (String tag : note.hashtags()) {
            tags.attach(tx, current.id(), tags.findOrCreate(tx, tag, ids, now).id(), now);
        }
        if (significant) {
            edits.insert(tx, new StatusEdit(ids.next(), current.id(), current.accountId(), current.text(),
                    note.content(), note.spoilerText(), note.sensitive(), newOptions, note.updated()));
        }
        if (quotes.policy(tx, current.id()) != note.quotePolicy()) {
            quotes.setPolicy(tx, current.id(), note.quotePolicy()); // Mastodon re-reads the policy on each Update
        }
        outbox.statusEdited(tx, statuses.require(tx, current.id()));
        return significant ? Outcome.EDITED : Outcome.UNCHANGED;
    }

    /** Adds, changes or removes the poll; new options discard the votes cast here. Returns the poll id after. */
    private Long updatePoll(Tx tx, Status status, Poll poll, RemoteNote.RemotePoll wanted, Instant now) {
        if (wanted == null) {
            if (poll != null) {
                polls.delete(tx, poll.id());
            }
            return null;
        }
        List<String> options = wanted.options().stream().map(RemoteNote.Option::title).toList();
        long pollId;
        if (poll == null) {
            pollId = ids.next();
            polls.insert(tx, pollId, status.id(), status.accountId(), options, wanted.multiple(), false,
                    wanted.endTime(), now);
        } else {
            pollId = poll.id();
            if (!sameOptions(poll, wanted)) {
                polls.update(tx, pollId, options, wanted.multiple(), false, wanted.endTime(), now);
                polls.resetVotes(tx, pollId, now);
            }
        }
        writeTallies(polls, tx, pollId, wanted, now);
        if (wanted.endTime() != null && !wanted.closed()) {
            jobs.enqueueAt(tx, StatusJobs.CLOSE_POLL, new StatusJobs.PollPayload(pollId), wanted.endTime());
        }
        return pollId;
    }

    private static boolean sameOptions(Poll poll, RemoteNote.RemotePoll wanted) {
        return poll.multiple() == wanted.multiple()
                && poll.options().equals(wanted.options().stream().map(RemoteNote.Option::title).toList());
    }

    /** The remote server's counts; voters default to the votes when it does not say (single choice). */
    static void writeTallies(PollRepository polls, Tx tx, long pollId, RemoteNote.RemotePoll poll, Instant now) {
        List<Integer> tallies = poll.options().stream().map(RemoteNote.Option::votes).toList();
        int votes = poll.votesCount();
        int voters = poll.votersCount() != null ? poll.votersCount() : votes;
        polls.setRemoteState(tx, pollId, tallies, votes, voters, poll.endTime(), poll.closed()
                ? (poll.endTime() != null && poll.endTime().isBefore(now) ? poll.endTime() : now) : null, now);
    }
}

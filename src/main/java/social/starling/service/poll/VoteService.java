package social.starling.service.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.PollRepository;
import social.starling.db.StatusRepository;
import social.starling.errors.BadRequestException;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.Poll;
import social.starling.service.outbox.Outbox;
import social.starling.service.status.StatusViews;

/**
 * {@code POST /api/v1/polls/:id/votes}: votes as Mastodon's VoteService and VoteValidator. The poll's status must
 * be visible to the voter (else "not found"). Each choice is checked in turn: the poll must be open ("The poll has
 * already ended"), the option must exist ("The chosen vote option does not exist"), one may not vote in one's own
 * poll ("You cannot vote in your own polls"), and one votes once — once per option in a multiple-choice poll,
 * once at all otherwise ("You have already voted on this poll"; so two choices on a single-choice poll fail too).
 * All choices are stored or none. {@code votes_count} grows by the choices, {@code voters_count} by one for a
 * first-time voter.
 */
public final class VoteService {
    private final Database db;
    private final PollRepository polls;
    private final StatusRepository statuses;
    private final Outbox outbox;
    private final StatusViews views;
    private final IdGenerator ids;
    private final Clock clock;

    public VoteService(Database db, PollRepository polls, StatusRepository statuses, StatusViews views, Outbox outbox,
                       IdGenerator ids, Clock clock) {
        this.db = db;
        this.polls = polls;
        this.statuses = statuses;
        this.outbox = outbox;
        this.views = views;
        this.ids = ids;
        this.clock = clock;
    }

    /** Returns the id of the poll's status, for rendering. */
    public long vote(long accountId, long pollId, List<String> rawChoices) {
        Poll visible = visiblePoll(pollId, accountId);
        if (rawChoices.isEmpty()) {
            throw new BadRequestException("Missing parameter choices");
        }
        List<Integer> choices = new ArrayList<>();
        for (String raw : rawChoices) {
            try {
                choices.add(Integer.parseInt(raw.trim()));
            } catch (NumberFormatException e) {
                throw new UnprocessableException("Validation failed: The chosen vote option does not exist");
            }
        }
        db.inTransaction(tx -> {
            Instant now = clock.instant();
            polls.addVotes(tx, pollId, 0, 0, now); // takes the poll's row lock: one voter's votes at a time
            Poll poll = polls.find(tx, pollId).orElseThrow(() -> new NotFoundException("Record not found"));
            List<Integer> mine = new ArrayList<>(polls.votesOf(tx, accountId, List.of(pollId))
                    .getOrDefault(pollId, List.of()));
            boolean firstVote = mine.isEmpty();
            for (int choice : choices) {
                List<String> errors = new ArrayList<>();
                if (poll.expired(now)) {
                    errors.add("The poll has already ended");
                }
                if (choice < 0 || choice >= poll.options().size()) {
                    errors.add("The chosen vote option does not exist");
                }
                if (poll.accountId() == accountId) {
                    errors.add("You cannot vote in your own polls");
                }
                if (poll.multiple() ? mine.contains(choice) : !mine.isEmpty()) {
                    errors.add("You have already voted on this poll");
                }
                if (!errors.isEmpty()) {
                    throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
                }
                polls.insertVote(tx, ids.next(), pollId, accountId, choice, now);
                mine.add(choice);
            }
            polls.addVotes(tx, pollId, choices.size(), firstVote ? 1 : 0, now);
            statuses.find(tx, poll.statusId()).ifPresent(s -> outbox.voted(tx, accountId, s, choices));
            return null;
        });
        return visible.statusId();
    }

    /** The poll, if its status is visible to the viewer (Mastodon: {@code authorize @poll.status, :show?}). */
    public Poll visiblePoll(long pollId, Long viewerId) {
        Poll poll = db.read(tx -> polls.find(tx, pollId)).orElseThrow(() -> new NotFoundException("Record not found"));
        if (!views.visible(poll.statusId(), viewerId)) {
            throw new NotFoundException("Record not found");
        }
        return poll;
    }
}

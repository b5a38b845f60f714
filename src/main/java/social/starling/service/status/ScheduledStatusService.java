package social.starling.service.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.ScheduledStatusRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.ForbiddenException;
import social.starling.errors.UnprocessableException;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobQueue;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.model.IdGenerator;
import social.starling.model.Page;
import social.starling.model.ScheduledStatus;
import social.starling.model.Visibility;

/**
 * Scheduled statuses, as Mastodon's PostStatusService#schedule_status!, ScheduledStatusValidator and
 * PublishScheduledStatusWorker. A status scheduled for at least five minutes ahead is validated as if posted now
 * (the same content rules, a visible reply target), stored with its parameters, and published at its time by the
 * {@link #JOB} job through {@link PostStatusService}. At most 25 may fall on one (UTC) day and 300 may wait in all.
 * At publishing time a status that has become invalid (its reply target deleted, say), or whose author is gone,
 * disabled or suspended, is dropped. Someone else's scheduled status reads as missing.
 */
public final class ScheduledStatusService {
    private static final Logger log = LoggerFactory.getLogger(ScheduledStatusService.class);

    /** Mastodon's PostStatusService::MIN_SCHEDULE_OFFSET. */
    public static final Duration MIN_OFFSET = Duration.ofMinutes(5);
    static final int MAX_PER_DAY = 25;
    static final int MAX_TOTAL = 300;

    public record Payload(long scheduledStatusId) {
    }

    public static final JobType<Payload> JOB = JobType.of("status.publish_scheduled", Lane.DEFAULT, Payload.class);

    private final Database db;
    private final ScheduledStatusRepository scheduled;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final PostStatusService post;
    private final StatusViews views;
    private final JobQueue jobs;
    private final IdGenerator ids;
    private final Clock clock;

    public ScheduledStatusService(Database db, ScheduledStatusRepository scheduled, AccountRepository accounts,
                                  UserRepository users, PostStatusService post, StatusViews views, JobQueue jobs,
                                  IdGenerator ids, Clock clock) {
        this.db = db;
        this.scheduled = scheduled;
        this.accounts = accounts;
        this.users = users;
        this.post = post;
        this.views = views;
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether a status asked for at {@code at} is to be scheduled; Mastodon posts one dated in the past at once. */
    public boolean isFuture(Instant at) {
        return at.isAfter(clock.instant());
    }

    public ScheduledStatus schedule(long accountId, Instant at, ScheduledStatus.Params params) {
        String text = params.text() == null ? "" : params.text().strip();
        String spoiler = params.spoilerText() == null ? "" : params.spoilerText().strip();
        StatusValidator.validate(text, spoiler, params.visibility(), params.language(), poll(params),
                params.mediaIds());
        if (params.inReplyToId() != null && views.one(params.inReplyToId(), accountId)
                .filter(v -> !v.status().isReblog()).isEmpty()) {
            throw new NotFoundException("Record not found");
        }
        ScheduledStatus.Params effective = withVisibility(accountId, params);
        return db.inTransaction(tx -> {
            checkTime(tx, accountId, at, 0);
            ScheduledStatus s = new ScheduledStatus(ids.next(), accountId, at, effective, clock.instant());
            scheduled.insert(tx, s);
            jobs.enqueueAt(tx, JOB, new Payload(s.id()), at);
            return s;
        });
    }

    /**
     * The visibility the status will have, stored with it, so {@code params.visibility} is never null (Mastodon's
     * PostStatusService settles it before scheduling): as asked, else direct for a reply to a direct status, else
     * the account's default posting visibility.
     */
    private ScheduledStatus.Params withVisibility(long accountId, ScheduledStatus.Params p) {
        if (p.visibility() != null) {
            return p;
        }
        boolean replyToDirect = p.inReplyToId() != null && views.one(p.inReplyToId(), accountId)
                .filter(v -> v.status().visibility() == Visibility.DIRECT).isPresent();
        Visibility v = replyToDirect ? Visibility.DIRECT
                : db.read(tx -> users.find(tx, accountId)).flatMap(u -> Visibility.parse(u.defaultPrivacy()))
                        .orElse(Visibility.PUBLIC);
        return new ScheduledStatus.Params(p.text(), p.spoilerText(), v.wireName(), p.sensitive(), p.language(),
                p.inReplyToId(), p.poll(), p.mediaIds(), p.applicationId());
    }

    public List<ScheduledStatus> list(long accountId, Page page) {
        return db.read(tx -> scheduled.page(tx, accountId, page));
    }

    public ScheduledStatus find(long accountId, long id) {
        return db.read(tx -> own(tx, accountId, id));
    }

    /** Moves it to {@code at}, under the same rules as scheduling. */
    public ScheduledStatus reschedule(long accountId, long id, Instant at) {
        return db.inTransaction(tx -> {
            ScheduledStatus s = own(tx, accountId, id);
            checkTime(tx, accountId, at, id);
            scheduled.reschedule(tx, id, at);
            // The job queued for the old time finds it not yet due and leaves it to this one.
            jobs.enqueueAt(tx, JOB, new Payload(id), at);
            return new ScheduledStatus(s.id(), s.accountId(), at, s.params(), s.createdAt());
        });
    }

    public void delete(long accountId, long id) {
        db.inTransaction(tx -> scheduled.delete(tx, own(tx, accountId, id).id()));
    }

    /** The job: publishes the status if it is due. Posting again after a crash finds the first post by its key. */
    public void handle(Payload payload, JobContext context) {
        publish(payload.scheduledStatusId());
    }

    /** Publishes a due scheduled status; returns the id of the status posted, if one was. */
    public Optional<Long> publish(long id) {
        Optional<ScheduledStatus> found = db.read(tx -> scheduled.find(tx, id));
        if (found.isEmpty() || found.get().scheduledAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        ScheduledStatus s = found.get();
        boolean authorActive = db.read(tx -> accounts.find(tx, s.accountId()).filter(a -> !a.suspended()).isPresent()
                && users.find(tx, s.accountId()).filter(u -> !u.disabled()).isPresent());
        Optional<Long> posted = Optional.empty();
        if (authorActive) {
            ScheduledStatus.Params p = s.params();
            try {
                posted = Optional.of(post.post(s.accountId(), new PostStatusService.Request(p.text(),
                        p.spoilerText(), p.visibility(), p.sensitive(), p.language(), p.inReplyToId(), poll(p),
                        p.mediaIds(), "scheduled-status:" + s.id(), p.applicationId())).id());
            } catch (UnprocessableException | NotFoundException | ForbiddenException e) {
                // invalid now (Mastodon's worker rescues RecordInvalid and RecordNotFound the same way)
                log.info("scheduled status {} dropped: {}", s.id(), e.getMessage());
            }
        }
        db.inTransaction(tx -> scheduled.delete(tx, s.id()));
        return posted;
    }

    private void checkTime(Tx tx, long accountId, Instant at, long exceptId) {
        if (!at.isAfter(clock.instant().plus(MIN_OFFSET))) {
            throw new UnprocessableException("Validation failed: Scheduled at date must be in the future");
        }
        if (scheduled.count(tx, accountId) - (exceptId == 0 ? 0 : 1) >= MAX_TOTAL) {
            throw new UnprocessableException("Validation failed: You have exceeded the limit of " + MAX_TOTAL
                    + " scheduled posts");
        }
        Instant day = at.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        if (scheduled.countBetween(tx, accountId, day, day.plus(Duration.ofDays(1)), exceptId) >= MAX_PER_DAY) {
            throw new UnprocessableException("Validation failed: You have exceeded the limit of " + MAX_PER_DAY
                    + " scheduled posts for today");
        }
    }

    private ScheduledStatus own(Tx tx, long accountId, long id) {
        return scheduled.find(tx, id).filter(s -> s.accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private static PostStatusService.PollRequest poll(ScheduledStatus.Params p) {
        return p.poll() == null ? null : new PostStatusService.PollRequest(p.poll().options(), p.poll().expiresIn(),
                p.poll().multiple(), p.poll().hideTotals());
    }
}

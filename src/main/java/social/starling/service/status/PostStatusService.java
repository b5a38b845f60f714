package social.starling.service.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.IdempotencyRepository;
import social.starling.db.StatusRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.LocalUris;
import social.starling.model.MediaAttachment;
import social.starling.model.Quote;
import social.starling.model.QuotePolicy;
import social.starling.model.Status;
import social.starling.model.User;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;
import social.starling.support.Hashes;
import social.starling.text.Extracted;
import social.starling.text.TextEntity;

/**
 * {@code POST /api/v1/statuses}: validates as Mastodon does (text or poll required, 500 characters counted with
 * URLs as 23, poll of 2-4 options of at most 50 characters lasting 5 minutes to a month, a reply only to what the
 * author may see), formats the text, records mentions, tags and the poll, and in the same transaction updates
 * counters, puts the status in the author's own feed and records it in the outbox ({@link StatusWriter}). An {@code Idempotency-Key}
 * seen in the last hour returns the status it made instead of posting twice. With {@code allowed_mentions} (account
 * ids) given, a post that would mention anyone else is refused ({@link UnexpectedMentionsException}), as Mastodon's
 * {@code safeguard_mentions!}.
 */
public final class PostStatusService {
    public record PollRequest(List<String> options, Integer expiresIn, boolean multiple, boolean hideTotals) {
    }

    /**
     * @param quotedStatusId      the status to quote (Mastodon 4.5), or null
     * @param quoteApprovalPolicy who may quote this status: public, followers or nobody; null for the author's default
     */
    public record Request(String text, String spoilerText, String visibility, Boolean sensitive, String language,
                          Long inReplyToId, PollRequest poll, List<String> mediaIds, String idempotencyKey,
                          Long applicationId, Long quotedStatusId, String quoteApprovalPolicy) {
        public Request(String text, String spoilerText, String visibility, Boolean sensitive, String language,
                       Long inReplyToId, PollRequest poll, List<String> mediaIds, String idempotencyKey,
                       Long applicationId) {
            this(text, spoilerText, visibility, sensitive, language, inReplyToId, poll, mediaIds, idempotencyKey,
                    applicationId, null, null);
        }
    }

    static final String QUOTED_NOT_FOUND = "The post you are trying to quote does not appear to exist.";

    private final Database db;
    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final IdempotencyRepository idempotency;
    private final StatusViews views;
    private final StatusComposer composer;
    private final StatusWriter writer;
    private final QuoteRepository quotes;
    private final StatusMedia media;
    private final IdGenerator ids;
    private final LocalUris uris;
    private final Clock clock;

    public PostStatusService(Database db, StatusRepository statuses, AccountRepository accounts, UserRepository users,
                             IdempotencyRepository idempotency, StatusViews views, StatusComposer composer,
                             StatusWriter writer, QuoteRepository quotes, StatusMedia media, IdGenerator ids,
                             LocalUris uris, Clock clock) {
        this.quotes = quotes;
        this.media = media;
        this.db = db;
        this.statuses = statuses;
        this.accounts = accounts;
        this.users = users;
        this.idempotency = idempotency;
        this.views = views;
        this.composer = composer;
        this.writer = writer;
        this.ids = ids;
        this.uris = uris;
        this.clock = clock;
    }

    public Status post(long authorId, Request r) {
        return post(authorId, r, null);
    }

    /** @param allowedMentions the only accounts the post may mention, or null for no such limit */
    public Status post(long authorId, Request r, Collection<Long> allowedMentions) {
        if (r.idempotencyKey() != null && !r.idempotencyKey().isBlank()) {
            Optional<Status> earlier = db.read(tx -> idempotency.find(tx, authorId,
                            Hashes.sha256Hex(r.idempotencyKey()), clock.instant().minus(Duration.ofHours(1)))
                    .flatMap(id -> statuses.find(tx, id)));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String text = r.text() == null ? "" : r.text().strip();
        String spoiler = r.spoilerText() == null ? "" : r.spoilerText().strip();
        validate(text, spoiler, r);
        Status parent = r.inReplyToId() == null ? null : views.one(r.inReplyToId(), authorId)
                .map(StatusView::status)
                .filter(s -> !s.isReblog())
                .orElseThrow(() -> new NotFoundException("Record not found"));
        Status quoted = quoted(authorId, r.quotedStatusId());
        StatusComposer.Composed composed = composer.compose(text);
        if (allowedMentions != null) {
            List<Account> unexpected = composed.mentioned().values().stream()
                    .filter(a -> !allowedMentions.contains(a.id())).distinct().toList();
            if (!unexpected.isEmpty()) {
                throw new UnexpectedMentionsException(unexpected);
            }
        }
        // The author and their settings are read before the write transaction, which stays short (SQLite has one
        // writer).
        Author author = db.read(tx -> new Author(accounts.require(tx, authorId),
                users.find(tx, authorId).orElseThrow()));
        return db.inTransaction(tx -> insert(tx, author, r, text, spoiler, composed.content(), parent, quoted,
                composed.extracted(), composed.mentioned()));
    }

    private record Author(Account account, User user) {
    }

    /**
     * The status to quote, as Mastodon's StatusesController#set_quoted_status: the original of a reblog; one the
     * author may see and whose quote policy does not deny them (StatusPolicy#quote?), else a 404.
     */
    private Status quoted(long authorId, Long quotedStatusId) {
        if (quotedStatusId == null) {
            return null;
        }
        StatusView view = views.one(quotedStatusId, authorId)
                .map(v -> v.reblog() != null ? v.reblog() : v)
                .orElseThrow(() -> new NotFoundException(QUOTED_NOT_FOUND));
        if (view.quoting() == null || QuotePolicy.ForAccount.DENIED.wireName().equals(view.quoting().currentUser())) {
            throw new NotFoundException(QUOTED_NOT_FOUND);
        }
        return view.status();
    }

    private Status insert(Tx tx, Author who, Request r, String text, String spoiler, String content, Status parent,
                          Status quoted, Extracted extracted, Map<String, Account> mentioned) {
        Instant now = clock.instant();
        Account author = who.account();
        User user = who.user();
        long authorId = author.id();
        List<MediaAttachment> attached = media.resolve(tx, authorId, r.mediaIds(), null);
        Visibility visibility = r.visibility() != null
                ? Visibility.parse(r.visibility()).orElseThrow()
                : parent != null && parent.visibility() == Visibility.DIRECT ? Visibility.DIRECT
                : Visibility.parse(user.defaultPrivacy()).orElse(Visibility.PUBLIC);
        if (visibility == Visibility.PUBLIC && author.silencedAt() != null) {
            visibility = Visibility.UNLISTED;
        }
        // Mastodon: quoting a private post makes a public or unlisted post private; a private mention may quote
        // only someone it mentions (PostStatusService#safeguard_private_mention_quote!).
        if (quoted != null && quoted.visibility() == Visibility.PRIVATE
                && (visibility == Visibility.PUBLIC || visibility == Visibility.UNLISTED)) {
            visibility = Visibility.PRIVATE;
        }
        if (quoted != null && visibility == Visibility.DIRECT && quoted.accountId() != authorId
                && mentioned.values().stream().noneMatch(a -> a.id() == quoted.accountId())) {
            throw new UnprocessableException(
                    "Validation failed: Cannot quote a non-mentioned user in a Private Mention post.");
        }
        int quotePolicy = QuotePolicy.forVisibility(QuotePolicy.fromApi(r.quoteApprovalPolicy() != null
                ? r.quoteApprovalPolicy() : user.defaultQuotePolicy()).orElse(QuotePolicy.NOBODY),
                visibility);
        boolean sensitive = (r.sensitive() != null ? r.sensitive() : user.defaultSensitive()) || !spoiler.isEmpty();
        // As Mastodon: the language given, else the author's default posting language, else their locale.
        String language = r.language() != null && !r.language().isBlank() ? r.language().trim()
                : user.defaultLanguage() != null ? user.defaultLanguage() : user.locale();
        long id = ids.next();
        StatusWriter.NewPoll poll = r.poll() == null ? null : new StatusWriter.NewPoll(
                r.poll().options().stream().map(String::strip).toList(), r.poll().multiple(), r.poll().hideTotals(),
                now.plusSeconds(r.poll().expiresIn()));
        Status status = writer.create(tx, new StatusWriter.NewStatus(id, author,
                uris.actor(author.username()) + "/statuses/" + id, uris.profile(author.username()) + "/" + id,
                visibility, text, content, spoiler, sensitive, language, parent, null, r.applicationId(),
                mentioned.values().stream().map(Account::id).toList(),
                extracted.hashtags().stream().map(TextEntity.Hashtag::name).toList(), poll, now));
        if (!attached.isEmpty()) {
            media.attach(tx, id, authorId, attached, now);
        }
        if (quotePolicy != QuotePolicy.NOBODY) {
            quotes.setPolicy(tx, id, quotePolicy);
        }
        if (quoted != null) {
            // Mastodon accepts at once a quote of a local status its policy allows (Quote#accept! in
            // PostStatusService#attach_quote!); a remote one waits for the quoted author's server.
            // An accepted one gets our QuoteAuthorization, which other servers fetch to verify the note's
            // quoteAuthorization (Mastodon's approval_uri_for a local quoted account).
            Account quotedAuthor = accounts.require(tx, quoted.accountId());
            boolean local = quotedAuthor.isLocal();
            long quoteId = ids.next();
            quotes.insert(tx, new Quote(quoteId, id, authorId, quoted.id(), quoted.accountId(),
                    local ? Quote.State.ACCEPTED : Quote.State.PENDING,
                    local ? null : uris.actor(author.username()) + "/quote_requests/" + java.util.UUID.randomUUID(),
                    local ? uris.quoteAuthorization(quotedAuthor.username(), quoteId) : null, now), now);
        }
        if (r.idempotencyKey() != null && !r.idempotencyKey().isBlank()) {
            idempotency.insert(tx, authorId, Hashes.sha256Hex(r.idempotencyKey()), id, now);
        }
        return status;
    }

    private void validate(String text, String spoiler, Request r) {
        if (r.quoteApprovalPolicy() != null && QuotePolicy.fromApi(r.quoteApprovalPolicy()).isEmpty()) {
            throw new UnprocessableException("Record invalid"); // Mastodon's bare ActiveRecord::RecordInvalid
        }
        StatusValidator.validate(text, spoiler, r.visibility(), r.language(), r.poll(), r.mediaIds());
    }

    static void validatePoll(PollRequest p, List<String> errors) {
        StatusValidator.validatePoll(p, errors);
    }
}

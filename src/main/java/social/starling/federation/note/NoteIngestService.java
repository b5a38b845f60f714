package social.starling.federation.note;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.DatabaseException;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.FetchedJson;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.fetch.RequestSigner;
import social.starling.federation.inbox.NoteIngest;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.federation.RemoteNote;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.status.RemoteStatusService;
import social.starling.service.status.RemoteStatusUpdater;
import social.starling.service.status.RemoteStatuses;

/**
 * {@link NoteIngest} and {@link RemoteStatuses}: remote notes read by {@link NoteReader}, checked, their mentions
 * and parent resolved, and stored through {@link RemoteStatusService} (the one write path).
 *
 * <p>Origin rules (FEP-fe34; Mastodon compares hosts, Starling whole origins): the note's id must share its
 * actor's origin, its {@code attributedTo} must be that actor, and nothing may claim an id on this server. A
 * fetched note must come from its id's origin ({@link RemoteFetcher#getJson} checks it), and its author's id must
 * share that origin too. Refusals are logged at debug and answered empty, never thrown.
 *
 * <p>Bounds: a parent missing here is fetched, and its parent, up to {@link #MAX_DEPTH} ancestors (a reply whose
 * parent cannot be had is stored all the same, waiting for it); at most {@link #MAX_MENTION_FETCHES} unknown
 * mentioned actors are fetched per note (known ones are always taken, up to NoteReader's 50).
 */
public final class NoteIngestService implements NoteIngest, RemoteStatuses {
    private static final Logger log = LoggerFactory.getLogger(NoteIngestService.class);
    static final int MAX_DEPTH = 5;
    static final int MAX_MENTION_FETCHES = 10;
    /** An Update of a note never seen is stored if it is this recent (Mastodon's object_too_old?). */
    static final Duration UNKNOWN_UPDATE_MAX_AGE = Duration.ofDays(1);

    private final RemoteStatusService statuses;
    private final RemoteStatusUpdater updater;
    private final ResolveAccountService accounts;
    private final RemoteFetcher fetcher;
    private final RequestSigner signer;
    private final URI base;
    private final Clock clock;
    private final RepliesCollection replies;

    public NoteIngestService(RemoteStatusService statuses, RemoteStatusUpdater updater,
                             ResolveAccountService accounts, RemoteFetcher fetcher, RequestSigner signer,
                             String baseUrl, Clock clock) {
        this.statuses = statuses;
        this.updater = updater;
        this.accounts = accounts;
        this.fetcher = fetcher;
        this.signer = signer;
        this.base = URI.create(baseUrl);
        this.clock = clock;
        this.replies = new RepliesCollection(fetcher, signer);
    }

    /** One chain of resolutions: how deep it went and what it met, so a loop of replies ends. */
    private static final class Walk {
        final Set<String> seen = new HashSet<>();
        int depth;
    }

    @Override
    public Optional<Status> create(Account actor, JsonNode object) {
        return read(actor, object).flatMap(note -> store(actor, note, new Walk()));
    }

    @Override
    public void update(Account actor, JsonNode object) {
        Optional<RemoteNote> note = read(actor, object);
        if (note.isEmpty()) {
            return;
        }
        Optional<Status> stored = statuses.findByUri(note.get().uri());
        if (stored.isEmpty()) {
            // Create and Update may arrive out of order (Mastodon stores the note then, unless it is old).
            if (note.get().published().isAfter(clock.instant().minus(UNKNOWN_UPDATE_MAX_AGE))) {
                store(actor, note.get(), new Walk());
            }
            return;
        }
        var outcome = updater.update(actor, note.get(), mentions(note.get()));
        log.debug("Update of {} by {}: {}", note.get().uri(), actor.uri(), outcome);
    }

    @Override
    public void delete(Account actor, String objectId) {
        if (objectId == null || !As2Values.sameOrigin(objectId, actor.uri())) {
            log.debug("Delete of {} by {} refused: another origin", objectId, actor.uri());
            return;
        }
        statuses.delete(actor, objectId);
    }

    @Override
    public Optional<Status> resolve(String objectId) {
        return resolve(objectId, new Walk(), false);
    }

    @Override
    public Optional<Status> resolveUrl(String url) {
        return resolve(url, new Walk(), true);
    }

    @Override
    public List<String> replyIds(String uri, int max) {
        return ours(uri) ? List.of() : replies.replyIds(uri, max);
    }

    /** The note, if {@code actor} may have sent it (the origin rules above). */
    private Optional<RemoteNote> read(Account actor, JsonNode object) {
        if (actor.isLocal()) {
            return refused("a local actor", object);
        }
        if (!NoteReader.isNote(object)) {
            return refused("not a note", object);
        }
        RemoteNote note;
        try {
            note = NoteReader.read(object, actor.followersUri(), clock.instant());
        } catch (NoteReader.InvalidNoteException e) {
            return refused(e.getMessage(), object);
        }
        if (ours(note.uri())) {
            return refused("an id on this server", object);
        }
        if (!As2Values.sameOrigin(note.uri(), actor.uri())) {
            return refused("an id on another origin than " + actor.uri(), object);
        }
        if (!note.attributedTo().equals(actor.uri())) {
            return refused("attributed to " + note.attributedTo() + ", not " + actor.uri(), object);
        }
        return Optional.of(note);
    }

    private Optional<Status> store(Account actor, RemoteNote note, Walk walk) {
        Optional<Status> existing = statuses.findByUri(note.uri());
        if (existing.isPresent()) {
            return existing;
        }
        walk.seen.add(note.uri());
        Status parent = note.inReplyToUri() == null ? null : parent(note.inReplyToUri(), walk).orElse(null);
        List<Long> mentioned = mentions(note);
        List<Long> silent = silentMentions(note);
        Status quoted = note.quoteUri() == null ? null : quoted(note.quoteUri(), walk).orElse(null);
        boolean approved = quoted != null && approved(note, actor, quoted);
        try {
            return Optional.of(statuses.create(note, actor, mentioned, silent, parent, quoted, approved));
        } catch (DatabaseException e) {
            // Another worker stored the same note first (PostgreSQL; SQLite has one writer).
            log.debug("storing {} failed: {}", note.uri(), e.toString());
            return statuses.findByUri(note.uri());
        }
    }

    /** The quoted status: any stored one (a local one whatever its visibility), else fetched within the bound. */
    private Optional<Status> quoted(String uri, Walk walk) {
        return parent(uri, walk).filter(s -> !s.isReblog());
    }

    /**
     * Whether a remote note's quote is approved, as Mastodon's ActivityPub::VerifyQuoteService: a self-quote is;
     * a quote of a remote status is when the note names a {@code QuoteAuthorization} that the quoted author's
     * server serves, attributed to that author, for this note ({@code interactingObject}) and that status
     * ({@code interactionTarget}). A quote of a local status waits for its QuoteRequest (QuoteRequestHandler).
     */
    private boolean approved(RemoteNote note, Account actor, Status quoted) {
        if (quoted.accountId() == actor.id()) {
            return true;
        }
        if (note.quoteAuthorizationUri() == null || ours(quoted.uri())) {
            return false;
        }
        Optional<Account> quotedAuthor = statuses.account(quoted.accountId());
        return quotedAuthor.isPresent()
                && verifyQuoteAuthorization(note.quoteAuthorizationUri(), quotedAuthor.get(), note.uri(),
                quoted.uri());
    }

    /**
     * Whether {@code authorizationUri} is a {@code QuoteAuthorization} served by the quoted author's server,
     * attributed to {@code quotedAuthor}, for {@code quotingUri} ({@code interactingObject}) quoting
     * {@code quotedUri} ({@code interactionTarget}): Mastodon's ActivityPub::VerifyQuoteService, fetched signed.
     */
    @Override
    public boolean verifyQuoteAuthorization(String authorizationUri, Account quotedAuthor, String quotingUri,
                                            String quotedUri) {
        if (authorizationUri == null || !As2Values.sameOrigin(authorizationUri, quotedAuthor.uri())) {
            return false;
        }
        try {
            JsonNode stamp = fetcher.getJson(new URI(authorizationUri), signer).document();
            return As2Values.typeIs(stamp.get("type"), Set.of("QuoteAuthorization"))
                    && As2Values.idOf(stamp.get("attributedTo")).filter(quotedAuthor.uri()::equals).isPresent()
                    && As2Values.idOf(stamp.get("interactingObject")).filter(quotingUri::equals).isPresent()
                    && As2Values.idOf(stamp.get("interactionTarget")).filter(quotedUri::equals).isPresent();
        } catch (URISyntaxException | FetchException e) {
            log.debug("the quote authorization {} cannot be had: {}", authorizationUri, e.getMessage());
            return false;
        }
    }

    /** The parent: any stored status (a local one whatever its visibility), else fetched within the bound. */
    private Optional<Status> parent(String uri, Walk walk) {
        Optional<Status> stored = statuses.findByUri(uri);
        if (stored.isPresent() || ours(uri) || walk.seen.contains(uri) || walk.depth >= MAX_DEPTH) {
            return stored;
        }
        walk.depth++;
        return fetchAndStore(uri, walk, false);
    }

    private Optional<Status> resolve(String uri, Walk walk, boolean anyUrl) {
        if (uri == null || As2Values.httpUrl(uri).isEmpty()) {
            return Optional.empty();
        }
        if (ours(uri)) {
            return statuses.findLocalPublic(uri);
        }
        Optional<Status> stored = statuses.findByUri(uri);
        return stored.isPresent() ? stored : fetchAndStore(uri, walk, anyUrl);
    }

    /** Fetches (signed) and stores a note, after the fetched-object origin rules. */
    private Optional<Status> fetchAndStore(String uri, Walk walk, boolean anyUrl) {
        FetchedJson fetched;
        try {
            fetched = anyUrl ? fetcher.getJsonByAnyUrl(new URI(uri), signer) : fetcher.getJson(new URI(uri), signer);
        } catch (URISyntaxException | FetchException e) {
            log.debug("fetching the note {} failed: {}", uri, e.getMessage());
            return Optional.empty();
        }
        String id = fetched.id().toString();
        if (!id.equals(uri)) {
            Optional<Status> stored = statuses.findByUri(id);
            if (stored.isPresent() || ours(id)) {
                return stored;
            }
        }
        JsonNode object = fetched.document();
        if (!NoteReader.isNote(object)) {
            return refused("not a note", object);
        }
        Optional<String> author = As2Values.array(object.get("attributedTo"), 16).stream().map(As2Values::idOf)
                .flatMap(Optional::stream).findFirst();
        if (author.isEmpty() || !As2Values.sameOrigin(author.get(), id)) {
            return refused("its author is on another origin", object);
        }
        Optional<Account> actor = accounts.resolveUrl(author.get()).filter(a -> a.uri().equals(author.get()));
        if (actor.isEmpty()) {
            log.debug("the author {} of {} cannot be had", author.get(), id);
            return Optional.empty();
        }
        return read(actor.get(), object).flatMap(note -> store(actor.get(), note, walk));
    }

    /** Mentioned accounts: known ones, then up to {@link #MAX_MENTION_FETCHES} fetched. */
    private List<Long> mentions(RemoteNote note) {
        Map<String, Account> known = statuses.knownAccounts(note.mentionUris());
        List<Long> ids = new ArrayList<>();
        int fetches = 0;
        for (String uri : note.mentionUris()) {
            Account a = known.get(uri);
            if (a == null && !ours(uri) && fetches < MAX_MENTION_FETCHES) {
                fetches++;
                a = accounts.resolveUrl(uri).filter(found -> found.uri().equals(uri)).orElse(null);
            }
            if (a != null && !ids.contains(a.id())) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    /** Local accounts addressed in to/cc without a Mention tag: access, no notification (silent mentions). */
    private List<Long> silentMentions(RemoteNote note) {
        List<String> local = note.audienceUris().stream().filter(this::ours).toList();
        return statuses.knownAccounts(local).values().stream().filter(Account::isLocal).map(Account::id).toList();
    }

    private boolean ours(String uri) {
        Optional<URI> u = As2Values.httpUrl(uri);
        // The whole origin: servers on one host under different ports (localhost:8081, localhost:8082) are
        // different servers, as their domains say.
        return u.isPresent() && As2Values.sameOrigin(u.get(), base);
    }

    private static <T> Optional<T> refused(String why, JsonNode object) {
        if (log.isDebugEnabled()) {
            log.debug("note {} refused: {}", object == null ? null : object.path("id").asText(), why);
        }
        return Optional.empty();
    }
}

package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.FOLLOWS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Record;
import social.starling.db.schema.tables.records.AccountsRecord;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;

/**
 * Queries over {@code accounts}. Local accounts are stored with domain '' and read back with domain null.
 *
 * <p>{@link #findAll}, which every page of statuses or notifications calls, goes through a short-lived cache: every
 * write here forgets the account at once and again after commit, and only read-only transactions fill the cache
 * (so nothing uncommitted gets in). Every write is also reported to the {@link Writes} hook, through which App
 * tells the other nodes (an event after commit), whose caches then {@link #forget} it; if that message is lost,
 * another node's write shows here within {@link #CACHE_SECONDS} at most.
 */
public final class AccountRepository {
    private final RenderedOnce rendered = new RenderedOnce();

    static final int CACHE_SECONDS = 10;

    /** Every column but the private key, which only signing reads ({@link #privateKey}). */
    public static final List<org.jooq.Field<?>> COLUMNS = java.util.Arrays.stream(ACCOUNTS.fields())
            .filter(f -> !f.equals(ACCOUNTS.PRIVATE_KEY)).toList();

    private static final TypeReference<List<Account.Field>> FIELDS = new TypeReference<>() {
    };

    /** Told of every write to an account's row, inside the writing transaction. */
    @FunctionalInterface
    public interface Writes {
        void written(Tx tx, long accountId);
    }

    private final ObjectMapper json;
    private final Writes writes;
    private final Cache<Long, Account> cache = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(CACHE_SECONDS)).build();
    /** Whether moderators forced an account's media sensitive, cached with the row (same fill and forget rules). */
    private final Cache<Long, Boolean> sensitized = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(CACHE_SECONDS)).build();

    /**
     * The last row read of each account recently read: a row read again unchanged after the cache expired is the
     * same instance as before, so what is kept by row identity downstream (the API entity, the JSON memo's keys)
     * stays valid instead of being compared field by field on every request. One {@code equals} per re-read. Held
     * strongly (a weak value went with the next collection once the 10 s cache let go of it), bounded by count and
     * by five minutes unread.
     */
    private final Cache<Long, Account> lastRead = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();

    public AccountRepository(ObjectMapper json) {
        this(json, (tx, id) -> {
        });
    }

    public AccountRepository(ObjectMapper json, Writes writes) {
        this.json = json;
        this.writes = writes;
    }

    /** Forgets the cached copy now and after commit (a reader may cache the old row in between). */
    private void changed(Tx tx, long id) {
        forget(id);
        tx.afterCommit(() -> forget(id));
        writes.written(tx, id);
    }

    private Account sameAsLastRead(Account read) {
        Account last = lastRead.getIfPresent(read.id());
        if (read.equals(last)) {
            return last;
        }
        lastRead.put(read.id(), read);
        return read;
    }

    /** Forgets the cached copy of an account another node wrote. */
    public void forget(long id) {
        cache.invalidate(id);
        sensitized.invalidate(id);
    }

    public void insert(Tx tx, Account a, String privateKey) {
        AccountsRecord r = tx.dsl().newRecord(ACCOUNTS);
        r.setId(a.id());
        r.setUsername(a.username());
        r.setUsernameKey(a.username().toLowerCase(Locale.ROOT));
        r.setDomain(a.domain() == null ? "" : a.domain().toLowerCase(Locale.ROOT));
        r.setDisplayName(a.displayName());
        r.setNote(a.note());
        r.setNoteSource(a.noteSource());
        r.setFields(writeFields(a.fields()));
        r.setUri(a.uri());
        r.setUrl(a.url());
        r.setInboxUri(a.inboxUri());
        r.setSharedInboxUri(a.sharedInboxUri());
        r.setOutboxUri(a.outboxUri());
        r.setFollowersUri(a.followersUri());
        r.setFollowingUri(a.followingUri());
        r.setFeaturedUri(a.featuredUri());
        r.setActorType(a.actorType());
        r.setLocked(a.locked());
        r.setDiscoverable(a.discoverable());
        r.setIndexable(a.indexable());
        r.setHideCollections(a.hideCollections());
        r.setMemorial(a.memorial());
        r.setAvatarFile(a.avatarFile());
        r.setAvatarRemoteUrl(a.avatarRemoteUrl());
        r.setHeaderFile(a.headerFile());
        r.setHeaderRemoteUrl(a.headerRemoteUrl());
        r.setPublicKey(a.publicKey());
        r.setPrivateKey(privateKey);
        r.setFollowersCount(a.followersCount());
        r.setFollowingCount(a.followingCount());
        r.setStatusesCount(a.statusesCount());
        r.setLastStatusAt(a.lastStatusAt());
        r.setSuspendedAt(a.suspendedAt());
        r.setSilencedAt(a.silencedAt());
        r.setCreatedAt(a.createdAt());
        r.setUpdatedAt(a.updatedAt());
        r.insert();
    }

    public Optional<Account> find(Tx tx, long id) {
        return rendered.fetch(tx, List.of("accountById"), () -> tx.dsl().select(COLUMNS).from(ACCOUNTS)
                .where(ACCOUNTS.ID.eq(id)), COLUMNS, id).stream().findFirst().map(this::toAccount);
    }

    public Account require(Tx tx, long id) {
        return find(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /** The accounts with these ids that exist, in no particular order. */
    public List<Account> findAll(Tx tx, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Account> found = new ArrayList<>(ids.size());
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Account cached = cache.getIfPresent(id);
            if (cached != null) {
                found.add(cached);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            // Authors of a page past the cache: rendered and prepared once per number of rows missing.
            for (Record r : rendered.fetch(tx, List.of("accountsById", missing.size()),
                    () -> tx.dsl().select(COLUMNS).from(ACCOUNTS).where(ACCOUNTS.ID.in(missing)), COLUMNS,
                    missing.toArray())) {
                Account a = sameAsLastRead(toAccount(r));
                if (tx.readOnly()) {
                    cache.put(a.id(), a);
                    sensitized.put(a.id(), r.get(ACCOUNTS.SENSITIZED_AT) != null);
                }
                found.add(a);
            }
        }
        return found;
    }

    /** Finds by username (any case) and domain; {@code domain} null means local. */
    public Optional<Account> findByUsername(Tx tx, String username, String domain) {
        return tx.dsl().select(COLUMNS).from(ACCOUNTS)
                .where(ACCOUNTS.USERNAME_KEY.eq(username.toLowerCase(Locale.ROOT)))
                .and(ACCOUNTS.DOMAIN.eq(domain == null ? "" : domain.toLowerCase(Locale.ROOT)))
                .fetchOptional(this::toAccount);
    }

    /** Local {@code Application} actors (the instance actor, under whatever domain the data was made). */
    public List<Account> localApplications(Tx tx) {
        return tx.dsl().select(COLUMNS).from(ACCOUNTS)
                .where(ACCOUNTS.DOMAIN.eq("")).and(ACCOUNTS.ACTOR_TYPE.eq("Application"))
                .fetch(this::toAccount);
    }

    public Optional<Account> findByUri(Tx tx, String uri) {
        return tx.dsl().select(COLUMNS).from(ACCOUNTS).where(ACCOUNTS.URI.eq(uri)).fetchOptional(this::toAccount);
    }

    public Optional<String> privateKey(Tx tx, long id) {
        return tx.dsl().select(ACCOUNTS.PRIVATE_KEY).from(ACCOUNTS).where(ACCOUNTS.ID.eq(id))
                .fetchOptional(ACCOUNTS.PRIVATE_KEY);
    }

    /**
     * Stores a key pair unless the account has one: the condition is in the statement, so of two generators racing
     * on PostgreSQL (each having read no key) only the first writes, and peers never see the key change.
     */
    public boolean setKeysIfMissing(Tx tx, long id, String publicKey, String privateKey, Instant now) {
        changed(tx, id);
        return tx.dsl().update(ACCOUNTS)
                .set(ACCOUNTS.PUBLIC_KEY, publicKey)
                .set(ACCOUNTS.PRIVATE_KEY, privateKey)
                .set(ACCOUNTS.UPDATED_AT, now)
                .where(ACCOUNTS.ID.eq(id).and(ACCOUNTS.PUBLIC_KEY.isNull()))
                .execute() == 1;
    }

    /** Writes the profile: texts, fields, flags and image files. */
    public void updateProfile(Tx tx, Account a) {
        changed(tx, a.id());
        tx.dsl().update(ACCOUNTS)
                .set(ACCOUNTS.DISPLAY_NAME, a.displayName())
                .set(ACCOUNTS.NOTE, a.note())
                .set(ACCOUNTS.NOTE_SOURCE, a.noteSource())
                .set(ACCOUNTS.FIELDS, writeFields(a.fields()))
                .set(ACCOUNTS.ACTOR_TYPE, a.actorType())
                .set(ACCOUNTS.LOCKED, a.locked())
                .set(ACCOUNTS.DISCOVERABLE, a.discoverable())
                .set(ACCOUNTS.INDEXABLE, a.indexable())
                .set(ACCOUNTS.HIDE_COLLECTIONS, a.hideCollections())
                .set(ACCOUNTS.AVATAR_FILE, a.avatarFile())
                .set(ACCOUNTS.HEADER_FILE, a.headerFile())
                .set(ACCOUNTS.UPDATED_AT, a.updatedAt())
                .where(ACCOUNTS.ID.eq(a.id()))
                .execute();
    }

    /** Writes what a remote actor document says of itself (not its counters, which are counted here). */
    public void updateRemote(Tx tx, Account a) {
        changed(tx, a.id());
        tx.dsl().update(ACCOUNTS)
                .set(ACCOUNTS.USERNAME, a.username())
                .set(ACCOUNTS.USERNAME_KEY, a.username().toLowerCase(Locale.ROOT))
                .set(ACCOUNTS.DISPLAY_NAME, a.displayName())
                .set(ACCOUNTS.NOTE, a.note())
                .set(ACCOUNTS.FIELDS, writeFields(a.fields()))
                .set(ACCOUNTS.URL, a.url())
                .set(ACCOUNTS.INBOX_URI, a.inboxUri())
                .set(ACCOUNTS.SHARED_INBOX_URI, a.sharedInboxUri())
                .set(ACCOUNTS.OUTBOX_URI, a.outboxUri())
                .set(ACCOUNTS.FOLLOWERS_URI, a.followersUri())
                .set(ACCOUNTS.FOLLOWING_URI, a.followingUri())
                .set(ACCOUNTS.FEATURED_URI, a.featuredUri())
                .set(ACCOUNTS.ACTOR_TYPE, a.actorType())
                .set(ACCOUNTS.LOCKED, a.locked())
                .set(ACCOUNTS.DISCOVERABLE, a.discoverable())
                .set(ACCOUNTS.INDEXABLE, a.indexable())
                .set(ACCOUNTS.HIDE_COLLECTIONS, a.hideCollections())
                .set(ACCOUNTS.MEMORIAL, a.memorial())
                .set(ACCOUNTS.AVATAR_REMOTE_URL, a.avatarRemoteUrl())
                .set(ACCOUNTS.HEADER_REMOTE_URL, a.headerRemoteUrl())
                .set(ACCOUNTS.PUBLIC_KEY, a.publicKey())
                .set(ACCOUNTS.UPDATED_AT, a.updatedAt())
                .where(ACCOUNTS.ID.eq(a.id()))
                .execute();
    }

    /** Local accounts whose username starts with {@code prefix} (case-insensitive), for account search. */
    public List<Account> searchLocal(Tx tx, String prefix, int limit, int offset) {
        return tx.dsl().select(COLUMNS).from(ACCOUNTS)
                .where(ACCOUNTS.USERNAME_KEY.startsWith(prefix.toLowerCase(Locale.ROOT)))
                .and(ACCOUNTS.DOMAIN.eq(""))
                .and(ACCOUNTS.SUSPENDED_AT.isNull())
                .orderBy(ACCOUNTS.USERNAME_KEY)
                .limit(limit).offset(offset)
                .fetch(this::toAccount);
    }

    /**
     * Accounts {@code viewerId} follows, local or remote, whose username starts with {@code prefix} (and, when
     * {@code domain} is given, on that domain; {@code ""} for local ones), by username: the
     * {@code accounts/search?following=true} of Mastodon.
     */
    public List<Account> searchFollowed(Tx tx, long viewerId, String prefix, String domain, int limit, int offset) {
        var where = ACCOUNTS.USERNAME_KEY.startsWith(prefix.toLowerCase(Locale.ROOT))
                .and(ACCOUNTS.SUSPENDED_AT.isNull())
                .and(ACCOUNTS.ID.in(tx.dsl().select(FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS)
                        .where(FOLLOWS.ACCOUNT_ID.eq(viewerId))));
        if (domain != null) {
            where = where.and(ACCOUNTS.DOMAIN.eq(domain.toLowerCase(Locale.ROOT)));
        }
        return tx.dsl().select(COLUMNS).from(ACCOUNTS).where(where)
                .orderBy(ACCOUNTS.USERNAME_KEY, ACCOUNTS.DOMAIN)
                .limit(limit).offset(offset)
                .fetch(this::toAccount);
    }

    /** Adds to statuses_count (never below zero); a new status also sets last_status_at. */
    public void countStatus(Tx tx, long id, int delta, Instant now) {
        changed(tx, id);
        var q = tx.dsl().update(ACCOUNTS)
                .set(ACCOUNTS.STATUSES_COUNT, org.jooq.impl.DSL.greatest(ACCOUNTS.STATUSES_COUNT.plus(delta),
                        org.jooq.impl.DSL.inline(0)));
        if (delta > 0) {
            q = q.set(ACCOUNTS.LAST_STATUS_AT, now);
        }
        q.where(ACCOUNTS.ID.eq(id)).execute();
    }

    /** Adds to followers_count or following_count (never below zero). */
    public void countFollow(Tx tx, long followerId, long targetId, int delta) {
        changed(tx, followerId);
        changed(tx, targetId);
        tx.dsl().update(ACCOUNTS).set(ACCOUNTS.FOLLOWING_COUNT, org.jooq.impl.DSL.greatest(
                        ACCOUNTS.FOLLOWING_COUNT.plus(delta), org.jooq.impl.DSL.inline(0)))
                .where(ACCOUNTS.ID.eq(followerId)).execute();
        tx.dsl().update(ACCOUNTS).set(ACCOUNTS.FOLLOWERS_COUNT, org.jooq.impl.DSL.greatest(
                        ACCOUNTS.FOLLOWERS_COUNT.plus(delta), org.jooq.impl.DSL.inline(0)))
                .where(ACCOUNTS.ID.eq(targetId)).execute();
    }

    public void delete(Tx tx, long id) {
        changed(tx, id);
        tx.dsl().deleteFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(id)).execute();
    }

    /** The moderation marks on an account row (Mastodon's suspended_at, silenced_at, sensitized_at). */
    public enum Mark { SUSPENDED, SILENCED, SENSITIZED }

    /** Sets ({@code at} non-null) or clears one moderation mark; false when the account is gone. */
    public boolean setMark(Tx tx, long id, Mark mark, Instant at) {
        changed(tx, id);
        var field = switch (mark) {
            case SUSPENDED -> ACCOUNTS.SUSPENDED_AT;
            case SILENCED -> ACCOUNTS.SILENCED_AT;
            case SENSITIZED -> ACCOUNTS.SENSITIZED_AT;
        };
        var update = tx.dsl().update(ACCOUNTS).set(field, at);
        if (mark == Mark.SUSPENDED) {
            update = update.set(ACCOUNTS.SUSPENSION_PURGED_AT, (Instant) null);
        }
        return update.where(ACCOUNTS.ID.eq(id)).execute() > 0;
    }

    /** Whether moderators forced the account's media sensitive. */
    public boolean sensitized(Tx tx, long id) {
        return tx.dsl().fetchExists(ACCOUNTS, ACCOUNTS.ID.eq(id).and(ACCOUNTS.SENSITIZED_AT.isNotNull()));
    }

    /** Those of {@code ids} whose media moderators forced sensitive. */
    public java.util.Set<Long> sensitizedAmong(Tx tx, Collection<Long> ids) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : ids) {
            Boolean known = sensitized.getIfPresent(id);
            if (known == null) {
                unknown.add(id);
            } else if (known) {
                out.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            out.addAll(tx.dsl().select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.ID.in(unknown))
                    .and(ACCOUNTS.SENSITIZED_AT.isNotNull()).fetch(ACCOUNTS.ID));
        }
        return out;
    }

    /** Accounts suspended before {@code cutoff} whose data was not purged yet, oldest first. */
    public List<Long> suspendedUnpurgedBefore(Tx tx, Instant cutoff, int limit) {
        return tx.dsl().select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.SUSPENDED_AT.lt(cutoff))
                .and(ACCOUNTS.SUSPENSION_PURGED_AT.isNull()).orderBy(ACCOUNTS.SUSPENDED_AT).limit(limit)
                .fetch(ACCOUNTS.ID);
    }

    public void markPurged(Tx tx, long id, Instant now) {
        changed(tx, id);
        tx.dsl().update(ACCOUNTS).set(ACCOUNTS.SUSPENSION_PURGED_AT, now).where(ACCOUNTS.ID.eq(id)).execute();
    }

    /**
     * Domain moderation: sets {@code column} (suspended_at or silenced_at) to {@code at} on the domain's accounts
     * (and its subdomains') that do not have it yet, or with {@code at} null clears it where it holds {@code mark}
     * (set by that block). Returns the ids changed.
     */
    public List<Long> markDomain(Tx tx, String domain, boolean suspend, Instant at, Instant mark) {
        var column = suspend ? ACCOUNTS.SUSPENDED_AT : ACCOUNTS.SILENCED_AT;
        var where = ACCOUNTS.DOMAIN.ne("").and(DomainModerationRepository.onDomain(domain))
                .and(at != null ? column.isNull() : column.eq(mark));
        List<Long> ids = tx.dsl().select(ACCOUNTS.ID).from(ACCOUNTS).where(where).fetch(ACCOUNTS.ID);
        if (ids.isEmpty()) {
            return ids;
        }
        tx.dsl().update(ACCOUNTS).set(column, at).where(ACCOUNTS.ID.in(ids)).execute();
        ids.forEach(id -> changed(tx, id));
        return ids;
    }

    /** Sets one account's suspended_at or silenced_at (a newly seen account of a moderated domain). */
    public void mark(Tx tx, long id, boolean suspend, Instant at) {
        tx.dsl().update(ACCOUNTS).set(suspend ? ACCOUNTS.SUSPENDED_AT : ACCOUNTS.SILENCED_AT, at)
                .where(ACCOUNTS.ID.eq(id)).execute();
        changed(tx, id);
    }

    public int countLocal(Tx tx) {
        return tx.dsl().fetchCount(ACCOUNTS, ACCOUNTS.DOMAIN.eq(""));
    }

    /** Distinct remote domains this server knows of: Mastodon's "peers". */
    public List<String> knownDomains(Tx tx) {
        return tx.dsl().selectDistinct(ACCOUNTS.DOMAIN).from(ACCOUNTS)
                .where(ACCOUNTS.DOMAIN.ne(""))
                .orderBy(ACCOUNTS.DOMAIN)
                .fetch(ACCOUNTS.DOMAIN);
    }

    public Account toAccount(Record r) {
        String domain = r.get(ACCOUNTS.DOMAIN);
        return new Account(
                r.get(ACCOUNTS.ID), r.get(ACCOUNTS.USERNAME), domain == null || domain.isEmpty() ? null : domain,
                r.get(ACCOUNTS.DISPLAY_NAME), r.get(ACCOUNTS.NOTE), r.get(ACCOUNTS.NOTE_SOURCE),
                readFields(r.get(ACCOUNTS.FIELDS)), r.get(ACCOUNTS.URI), r.get(ACCOUNTS.URL),
                r.get(ACCOUNTS.INBOX_URI), r.get(ACCOUNTS.SHARED_INBOX_URI), r.get(ACCOUNTS.OUTBOX_URI),
                r.get(ACCOUNTS.FOLLOWERS_URI), r.get(ACCOUNTS.FOLLOWING_URI), r.get(ACCOUNTS.FEATURED_URI),
                r.get(ACCOUNTS.ACTOR_TYPE), r.get(ACCOUNTS.LOCKED), r.get(ACCOUNTS.DISCOVERABLE),
                r.get(ACCOUNTS.INDEXABLE), r.get(ACCOUNTS.HIDE_COLLECTIONS), r.get(ACCOUNTS.MEMORIAL),
                r.get(ACCOUNTS.AVATAR_FILE), r.get(ACCOUNTS.AVATAR_REMOTE_URL), r.get(ACCOUNTS.HEADER_FILE),
                r.get(ACCOUNTS.HEADER_REMOTE_URL), r.get(ACCOUNTS.PUBLIC_KEY),
                r.get(ACCOUNTS.FOLLOWERS_COUNT), r.get(ACCOUNTS.FOLLOWING_COUNT), r.get(ACCOUNTS.STATUSES_COUNT),
                r.get(ACCOUNTS.LAST_STATUS_AT), r.get(ACCOUNTS.SUSPENDED_AT), r.get(ACCOUNTS.SILENCED_AT),
                r.get(ACCOUNTS.CREATED_AT), r.get(ACCOUNTS.UPDATED_AT));
    }

    private List<Account.Field> readFields(String raw) {
        try {
            return raw == null || raw.isBlank() ? List.of() : json.readValue(raw, FIELDS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    String writeFields(List<Account.Field> fields) {
        try {
            return json.writeValueAsString(fields == null ? List.of() : fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

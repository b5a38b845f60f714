package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.TAGS;
import static social.starling.db.schema.Tables.TAG_FOLLOWS;
import static social.starling.db.schema.Tables.USERS;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.impl.DSL;
import social.starling.model.Account;

/** Queries for finding people and tags: the profile directory and hashtag search. */
public final class DiscoveryRepository {
    private final AccountRepository accounts;

    public DiscoveryRepository(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * Local accounts that opted into discovery (Mastodon's Account.discoverable: confirmed, approved, not
     * suspended, silenced or disabled; not the instance actor), {@code active}: most recent post first, else
     * newest first.
     */
    public List<Account> directory(Tx tx, boolean active, Collection<Long> excluded, int offset, int limit) {
        var query = tx.dsl().select(AccountRepository.COLUMNS).from(ACCOUNTS).join(USERS).on(USERS.ACCOUNT_ID.eq(ACCOUNTS.ID))
                .where(ACCOUNTS.DOMAIN.eq("")).and(ACCOUNTS.DISCOVERABLE.isTrue())
                .and(ACCOUNTS.SUSPENDED_AT.isNull()).and(ACCOUNTS.SILENCED_AT.isNull())
                .and(USERS.APPROVED.isTrue()).and(USERS.CONFIRMED_AT.isNotNull()).and(USERS.DISABLED.isFalse())
                .and(ACCOUNTS.ACTOR_TYPE.ne("Application"))
                .and(excluded.isEmpty() ? DSL.noCondition() : ACCOUNTS.ID.notIn(excluded));
        var ordered = active
                ? query.orderBy(ACCOUNTS.LAST_STATUS_AT.desc().nullsLast(), ACCOUNTS.ID.desc())
                : query.orderBy(ACCOUNTS.ID.desc());
        return ordered.limit(limit).offset(offset).fetch(accounts::toAccount);
    }

    /** A found hashtag. */
    public record Tag(long id, String name) {
    }

    /** Tags whose name starts with {@code prefix} (any case), shortest names first. */
    public List<Tag> tagsStartingWith(Tx tx, String prefix, int limit, int offset) {
        return tx.dsl().select(TAGS.ID, TAGS.NAME).from(TAGS)
                .where(TAGS.NAME_KEY.startsWith(prefix.toLowerCase(Locale.ROOT)))
                .orderBy(DSL.length(TAGS.NAME_KEY), TAGS.NAME_KEY)
                .limit(limit).offset(offset)
                .fetch(r -> new Tag(r.value1(), r.value2()));
    }

    /** Which of these tags the account follows. */
    public Set<Long> followedTags(Tx tx, long accountId, Collection<Long> tagIds) {
        if (tagIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.dsl().select(TAG_FOLLOWS.TAG_ID).from(TAG_FOLLOWS)
                .where(TAG_FOLLOWS.ACCOUNT_ID.eq(accountId)).and(TAG_FOLLOWS.TAG_ID.in(tagIds))
                .fetch(TAG_FOLLOWS.TAG_ID));
    }
}

package social.starling.db;

import static social.starling.db.schema.Tables.ATTRIBUTION_DOMAINS;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Record;
import social.starling.db.schema.tables.records.UsersRecord;
import social.starling.model.Role;
import social.starling.model.User;

/** Queries over {@code users}, the logins of local accounts. */
public final class UserRepository {

    public void insert(Tx tx, User u, String signUpIp) {
        UsersRecord r = tx.dsl().newRecord(USERS);
        r.setAccountId(u.accountId());
        r.setEmail(u.email());
        r.setEmailKey(u.email().toLowerCase(Locale.ROOT));
        r.setPasswordHash(u.passwordHash());
        r.setRole(u.role().wireName());
        r.setLocale(u.locale());
        r.setApproved(u.approved());
        r.setDisabled(u.disabled());
        r.setConfirmedAt(u.confirmedAt());
        r.setSignUpReason(u.signUpReason());
        r.setSignUpIp(signUpIp);
        r.setLastActiveAt(u.lastActiveAt());
        r.setDefaultPrivacy(u.defaultPrivacy());
        r.setDefaultSensitive(u.defaultSensitive());
        r.setDefaultLanguage(u.defaultLanguage());
        r.setInviteId(u.inviteId());
        r.setApprovedAt(u.approved() ? u.createdAt() : null);
        r.setCreatedAt(u.createdAt());
        r.setUpdatedAt(u.createdAt());
        r.insert();
    }

    public Optional<User> find(Tx tx, long accountId) {
        return tx.dsl().selectFrom(USERS).where(USERS.ACCOUNT_ID.eq(accountId)).fetchOptional(UserRepository::toUser);
    }

    public Optional<User> findByEmail(Tx tx, String email) {
        return tx.dsl().selectFrom(USERS).where(USERS.EMAIL_KEY.eq(email.toLowerCase(Locale.ROOT)))
                .fetchOptional(UserRepository::toUser);
    }

    public boolean emailTaken(Tx tx, String email) {
        return tx.dsl().fetchExists(USERS, USERS.EMAIL_KEY.eq(email.toLowerCase(Locale.ROOT)));
    }

    public boolean anyWithRole(Tx tx, Role role) {
        return tx.dsl().fetchExists(USERS, USERS.ROLE.eq(role.wireName()));
    }

    /** The users of these accounts (remote accounts have none). */
    public java.util.List<User> findAll(Tx tx, java.util.Collection<Long> accountIds) {
        return accountIds.isEmpty() ? java.util.List.of()
                : tx.dsl().selectFrom(USERS).where(USERS.ACCOUNT_ID.in(accountIds)).fetch(UserRepository::toUser);
    }

    /** The accounts of the users holding one of {@code roles} (staff to notify), in id order. */
    public java.util.List<Long> accountIdsWithRoles(Tx tx, java.util.Collection<Role> roles) {
        if (roles.isEmpty()) {
            return java.util.List.of();
        }
        return tx.dsl().select(USERS.ACCOUNT_ID).from(USERS)
                .where(USERS.ROLE.in(roles.stream().map(Role::wireName).toList()))
                .orderBy(USERS.ACCOUNT_ID).fetch(USERS.ACCOUNT_ID);
    }

    public void setPasswordHash(Tx tx, long accountId, String hash, Instant now) {
        tx.dsl().update(USERS).set(USERS.PASSWORD_HASH, hash).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    public void setApproved(Tx tx, long accountId, Instant now) {
        tx.dsl().update(USERS).set(USERS.APPROVED, true).set(USERS.APPROVED_AT, now).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Replaces the login's e-mail address (its unique key follows). */
    public void setEmail(Tx tx, long accountId, String email, Instant now) {
        tx.dsl().update(USERS).set(USERS.EMAIL, email).set(USERS.EMAIL_KEY, email.toLowerCase(Locale.ROOT))
                .set(USERS.UPDATED_AT, now).where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    public void setConfirmed(Tx tx, long accountId, Instant now) {
        tx.dsl().update(USERS).set(USERS.CONFIRMED_AT, now).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).and(USERS.CONFIRMED_AT.isNull()).execute();
    }

    public void setDisabled(Tx tx, long accountId, boolean disabled, Instant now) {
        tx.dsl().update(USERS).set(USERS.DISABLED, disabled).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    public void setRole(Tx tx, long accountId, Role role, Instant now) {
        tx.dsl().update(USERS).set(USERS.ROLE, role.wireName()).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    public void setPostingDefaults(Tx tx, long accountId, String privacy, boolean sensitive, String language,
                                   Instant now) {
        tx.dsl().update(USERS).set(USERS.DEFAULT_PRIVACY, privacy).set(USERS.DEFAULT_SENSITIVE, sensitive)
                .set(USERS.DEFAULT_LANGUAGE, language).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Mastodon 4.5's default quote policy for new posts: public, followers or nobody. */
    public void setDefaultQuotePolicy(Tx tx, long accountId, String policy, Instant now) {
        tx.dsl().update(USERS).set(USERS.DEFAULT_QUOTE_POLICY, policy).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    public int countPending(Tx tx) {
        return tx.dsl().fetchCount(USERS, USERS.APPROVED.isFalse().and(USERS.DISABLED.isFalse()));
    }

    public java.util.List<User> pending(Tx tx, int limit) {
        return tx.dsl().selectFrom(USERS).where(USERS.APPROVED.isFalse()).orderBy(USERS.CREATED_AT)
                .limit(limit).fetch(UserRepository::toUser);
    }

    public void touchLastActive(Tx tx, long accountId, Instant now) {
        tx.dsl().update(USERS).set(USERS.LAST_ACTIVE_AT, now).where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    public int count(Tx tx) {
        return tx.dsl().fetchCount(USERS);
    }

    /** Users with a confirmed e-mail address whose account is not suspended: Mastodon's {@code user_count}. */
    public int countConfirmed(Tx tx) {
        return tx.dsl().fetchCount(tx.dsl().selectOne().from(USERS)
                .join(social.starling.db.schema.Tables.ACCOUNTS)
                .on(social.starling.db.schema.Tables.ACCOUNTS.ID.eq(USERS.ACCOUNT_ID))
                .where(USERS.CONFIRMED_AT.isNotNull())
                .and(social.starling.db.schema.Tables.ACCOUNTS.SUSPENDED_AT.isNull()));
    }

    public int countActiveSince(Tx tx, Instant since) {
        return tx.dsl().fetchCount(USERS, USERS.LAST_ACTIVE_AT.ge(since));
    }

    public int countCreatedBetween(Tx tx, Instant from, Instant to) {
        return tx.dsl().fetchCount(USERS, USERS.CREATED_AT.ge(from).and(USERS.CREATED_AT.lt(to)));
    }

    public int countActiveBetween(Tx tx, Instant from, Instant to) {
        return tx.dsl().fetchCount(USERS, USERS.LAST_ACTIVE_AT.ge(from).and(USERS.LAST_ACTIVE_AT.lt(to)));
    }

    public static User toUser(Record r) {
        return new User(r.get(USERS.ACCOUNT_ID), r.get(USERS.EMAIL), r.get(USERS.PASSWORD_HASH),
                Role.parse(r.get(USERS.ROLE)), r.get(USERS.LOCALE), r.get(USERS.APPROVED), r.get(USERS.DISABLED),
                r.get(USERS.CONFIRMED_AT), r.get(USERS.SIGN_UP_REASON), r.get(USERS.LAST_ACTIVE_AT),
                r.get(USERS.CREATED_AT), r.get(USERS.DEFAULT_PRIVACY), r.get(USERS.DEFAULT_SENSITIVE),
                r.get(USERS.DEFAULT_LANGUAGE), r.get(USERS.INVITE_ID), r.get(USERS.DEFAULT_QUOTE_POLICY));
    }

    // Attribution domains (Account#attribution_domains, local accounts only) ----------------------------------

    /** The websites allowed to credit {@code accountId} as author, in the order given. */
    public java.util.List<String> attributionDomains(Tx tx, long accountId) {
        return tx.dsl().select(ATTRIBUTION_DOMAINS.DOMAIN).from(ATTRIBUTION_DOMAINS)
                .where(ATTRIBUTION_DOMAINS.ACCOUNT_ID.eq(accountId)).orderBy(ATTRIBUTION_DOMAINS.SORT_ORDER)
                .fetch(ATTRIBUTION_DOMAINS.DOMAIN);
    }

    public void setAttributionDomains(Tx tx, long accountId, java.util.List<String> domains) {
        tx.dsl().deleteFrom(ATTRIBUTION_DOMAINS).where(ATTRIBUTION_DOMAINS.ACCOUNT_ID.eq(accountId)).execute();
        for (int i = 0; i < domains.size(); i++) {
            tx.dsl().insertInto(ATTRIBUTION_DOMAINS).set(ATTRIBUTION_DOMAINS.ACCOUNT_ID, accountId)
                    .set(ATTRIBUTION_DOMAINS.SORT_ORDER, i).set(ATTRIBUTION_DOMAINS.DOMAIN, domains.get(i)).execute();
        }
    }
}

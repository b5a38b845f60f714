package social.starling.db;

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

    public void setPasswordHash(Tx tx, long accountId, String hash, Instant now) {
        tx.dsl().update(USERS).set(USERS.PASSWORD_HASH, hash).set(USERS.UPDATED_AT, now)
                .where(USERS.ACCOUNT_ID.eq(accountId)).execute();
    }

    public int count(Tx tx) {
        return tx.dsl().fetchCount(USERS);
    }

    public int countActiveSince(Tx tx, Instant since) {
        return tx.dsl().fetchCount(USERS, USERS.LAST_ACTIVE_AT.ge(since));
    }

    public int countActiveBetween(Tx tx, Instant from, Instant to) {
        return tx.dsl().fetchCount(USERS, USERS.LAST_ACTIVE_AT.ge(from).and(USERS.LAST_ACTIVE_AT.lt(to)));
    }

    public static User toUser(Record r) {
        return new User(r.get(USERS.ACCOUNT_ID), r.get(USERS.EMAIL), r.get(USERS.PASSWORD_HASH),
                Role.parse(r.get(USERS.ROLE)), r.get(USERS.LOCALE), r.get(USERS.APPROVED), r.get(USERS.DISABLED),
                r.get(USERS.CONFIRMED_AT), r.get(USERS.SIGN_UP_REASON), r.get(USERS.LAST_ACTIVE_AT),
                r.get(USERS.CREATED_AT));
    }
}

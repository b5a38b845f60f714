package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.ACCOUNT_MODERATION_NOTES;
import static social.starling.db.schema.Tables.ACCOUNT_WARNINGS;
import static social.starling.db.schema.Tables.APPEALS;
import static social.starling.db.schema.Tables.INVITES;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.AccountWarning;
import social.starling.model.AdminAccountQuery;
import social.starling.model.Appeal;
import social.starling.model.ModerationNote;
import social.starling.model.Page;
import social.starling.model.Role;

/**
 * Queries of account moderation: the admin account lists (Mastodon's AccountFilter), strikes
 * ({@code account_warnings}), their appeals, staff notes, and a login's sign-up address.
 */
public final class AccountModerationRepository {

    // Admin lists ---------------------------------------------------------------------------------------------

    /** A page of account ids matching {@code q}, newest first (the server's own actor is never listed). */
    public List<Long> list(Tx tx, AdminAccountQuery q, Page page) {
        Condition c = ACCOUNTS.ACTOR_TYPE.ne("Application").or(ACCOUNTS.DOMAIN.ne(""));
        if ("local".equals(q.origin())) {
            c = c.and(ACCOUNTS.DOMAIN.eq(""));
        } else if ("remote".equals(q.origin())) {
            c = c.and(ACCOUNTS.DOMAIN.ne(""));
        }
        if (q.status() != null) {
            c = c.and(switch (q.status()) {
                case "active" -> ACCOUNTS.SUSPENDED_AT.isNull();
                case "pending" -> USERS.APPROVED.isFalse();
                case "disabled" -> USERS.DISABLED.isTrue();
                case "silenced" -> ACCOUNTS.SILENCED_AT.isNotNull();
                case "suspended" -> ACCOUNTS.SUSPENDED_AT.isNotNull();
                case "sensitized" -> ACCOUNTS.SENSITIZED_AT.isNotNull();
                default -> DSL.falseCondition();
            });
        }
        if (q.staff()) {
            c = c.and(USERS.ROLE.in(Role.OWNER.wireName(), Role.ADMIN.wireName(), Role.MODERATOR.wireName()));
        }
        if (q.roles() != null) {
            c = c.and(USERS.ROLE.in(q.roles().stream().map(Role::wireName).toList()));
        }
        if (q.invitedBy() != null) {
            c = c.and(USERS.INVITE_ID.in(DSL.select(INVITES.ID).from(INVITES)
                    .where(INVITES.ACCOUNT_ID.eq(q.invitedBy()))));
        }
        if (q.username() != null) {
            c = c.and(ACCOUNTS.USERNAME_KEY.like(escape(q.username().toLowerCase(Locale.ROOT)) + "%", '!'));
        }
        if (q.displayName() != null) {
            c = c.and(DSL.lower(ACCOUNTS.DISPLAY_NAME)
                    .like("%" + escape(q.displayName().toLowerCase(Locale.ROOT)) + "%", '!'));
        }
        if (q.byDomain() != null) {
            c = c.and(ACCOUNTS.DOMAIN.eq(q.byDomain().strip().toLowerCase(Locale.ROOT)));
        }
        if (q.email() != null) {
            c = c.and(USERS.EMAIL_KEY.like("%" + escape(q.email().toLowerCase(Locale.ROOT)) + "%", '!'));
        }
        if (q.ip() != null) {
            c = c.and(USERS.SIGN_UP_IP.eq(q.ip().strip()));
        }
        var query = tx.dsl().select(ACCOUNTS.ID).from(ACCOUNTS).leftJoin(USERS).on(USERS.ACCOUNT_ID.eq(ACCOUNTS.ID))
                .where(c);
        return Paging.fetch(query, ACCOUNTS.ID, page).stream().map(r -> r.value1()).toList();
    }

    private static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The address a login signed up from, if known. */
    public Optional<String> signUpIp(Tx tx, long accountId) {
        return tx.dsl().select(USERS.SIGN_UP_IP).from(USERS).where(USERS.ACCOUNT_ID.eq(accountId))
                .fetchOptional(USERS.SIGN_UP_IP);
    }

    // Strikes -------------------------------------------------------------------------------------------------

    public void insertWarning(Tx tx, AccountWarning w) {
        tx.dsl().insertInto(ACCOUNT_WARNINGS)
                .set(ACCOUNT_WARNINGS.ID, w.id())
                .set(ACCOUNT_WARNINGS.ACCOUNT_ID, w.accountId())
                .set(ACCOUNT_WARNINGS.TARGET_ACCOUNT_ID, w.targetAccountId())
                .set(ACCOUNT_WARNINGS.ACTION, w.action())
                .set(ACCOUNT_WARNINGS.TEXT, w.text())
                .set(ACCOUNT_WARNINGS.STATUS_IDS, w.statusIds().stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "[", "]")))
                .set(ACCOUNT_WARNINGS.REPORT_ID, w.reportId())
                .set(ACCOUNT_WARNINGS.CREATED_AT, w.createdAt())
                .execute();
    }

    public Optional<AccountWarning> findWarning(Tx tx, long id) {
        return tx.dsl().selectFrom(ACCOUNT_WARNINGS).where(ACCOUNT_WARNINGS.ID.eq(id))
                .fetchOptional(AccountModerationRepository::toWarning);
    }

    /** The strikes against an account, newest first. */
    public List<AccountWarning> warningsOf(Tx tx, long targetAccountId) {
        return tx.dsl().selectFrom(ACCOUNT_WARNINGS).where(ACCOUNT_WARNINGS.TARGET_ACCOUNT_ID.eq(targetAccountId))
                .orderBy(ACCOUNT_WARNINGS.ID.desc()).fetch(AccountModerationRepository::toWarning);
    }

    public void overrule(Tx tx, long warningId, Instant now) {
        tx.dsl().update(ACCOUNT_WARNINGS).set(ACCOUNT_WARNINGS.OVERRULED_AT, now)
                .where(ACCOUNT_WARNINGS.ID.eq(warningId)).execute();
    }

    private static AccountWarning toWarning(Record r) {
        String raw = r.get(ACCOUNT_WARNINGS.STATUS_IDS).replace("[", "").replace("]", "").replace("\"", "").strip();
        List<Long> ids = raw.isEmpty() ? List.of()
                : Arrays.stream(raw.split(",")).map(String::strip).map(Long::parseLong).toList();
        return new AccountWarning(r.get(ACCOUNT_WARNINGS.ID), r.get(ACCOUNT_WARNINGS.ACCOUNT_ID),
                r.get(ACCOUNT_WARNINGS.TARGET_ACCOUNT_ID), r.get(ACCOUNT_WARNINGS.ACTION),
                r.get(ACCOUNT_WARNINGS.TEXT), ids, r.get(ACCOUNT_WARNINGS.REPORT_ID),
                r.get(ACCOUNT_WARNINGS.OVERRULED_AT), r.get(ACCOUNT_WARNINGS.CREATED_AT));
    }

    // Appeals -------------------------------------------------------------------------------------------------

    /** Inserts the appeal unless the strike already has one; false when it had. */
    public boolean insertAppeal(Tx tx, Appeal a) {
        return tx.dsl().insertInto(APPEALS)
                .set(APPEALS.ID, a.id())
                .set(APPEALS.ACCOUNT_ID, a.accountId())
                .set(APPEALS.ACCOUNT_WARNING_ID, a.warningId())
                .set(APPEALS.TEXT, a.text())
                .set(APPEALS.STATE, a.state())
                .set(APPEALS.CREATED_AT, a.createdAt())
                .onConflictDoNothing()
                .execute() > 0;
    }

    public Optional<Appeal> findAppeal(Tx tx, long id) {
        return tx.dsl().selectFrom(APPEALS).where(APPEALS.ID.eq(id)).fetchOptional(AccountModerationRepository::toAppeal);
    }

    public Optional<Appeal> appealOf(Tx tx, long warningId) {
        return tx.dsl().selectFrom(APPEALS).where(APPEALS.ACCOUNT_WARNING_ID.eq(warningId))
                .fetchOptional(AccountModerationRepository::toAppeal);
    }

    /** Pending appeals, oldest first (the queue order), at most {@code limit}. */
    public List<Appeal> pendingAppeals(Tx tx, int limit) {
        return tx.dsl().selectFrom(APPEALS).where(APPEALS.STATE.eq(Appeal.PENDING)).orderBy(APPEALS.ID.asc())
                .limit(limit).fetch(AccountModerationRepository::toAppeal);
    }

    /** Decides a pending appeal; false when it was no longer pending. */
    public boolean decideAppeal(Tx tx, long id, String state, long moderatorId, Instant now) {
        return tx.dsl().update(APPEALS).set(APPEALS.STATE, state).set(APPEALS.DECIDED_BY_ACCOUNT_ID, moderatorId)
                .set(APPEALS.DECIDED_AT, now)
                .where(APPEALS.ID.eq(id)).and(APPEALS.STATE.eq(Appeal.PENDING)).execute() > 0;
    }

    private static Appeal toAppeal(Record r) {
        return new Appeal(r.get(APPEALS.ID), r.get(APPEALS.ACCOUNT_ID), r.get(APPEALS.ACCOUNT_WARNING_ID),
                r.get(APPEALS.TEXT), r.get(APPEALS.STATE), r.get(APPEALS.DECIDED_BY_ACCOUNT_ID),
                r.get(APPEALS.DECIDED_AT), r.get(APPEALS.CREATED_AT));
    }

    // Staff notes ---------------------------------------------------------------------------------------------

    public void insertNote(Tx tx, ModerationNote n) {
        tx.dsl().insertInto(ACCOUNT_MODERATION_NOTES)
                .set(ACCOUNT_MODERATION_NOTES.ID, n.id())
                .set(ACCOUNT_MODERATION_NOTES.ACCOUNT_ID, n.accountId())
                .set(ACCOUNT_MODERATION_NOTES.TARGET_ACCOUNT_ID, n.targetAccountId())
                .set(ACCOUNT_MODERATION_NOTES.CONTENT, n.content())
                .set(ACCOUNT_MODERATION_NOTES.CREATED_AT, n.createdAt())
                .execute();
    }

    /** The notes on an account, oldest first (as Mastodon's admin page lists them). */
    public List<ModerationNote> notesOn(Tx tx, long targetAccountId) {
        List<ModerationNote> out = new ArrayList<>();
        tx.dsl().selectFrom(ACCOUNT_MODERATION_NOTES)
                .where(ACCOUNT_MODERATION_NOTES.TARGET_ACCOUNT_ID.eq(targetAccountId))
                .orderBy(ACCOUNT_MODERATION_NOTES.ID)
                .forEach(r -> out.add(new ModerationNote(r.getId(), r.getAccountId(), r.getTargetAccountId(),
                        r.getContent(), r.getCreatedAt())));
        return out;
    }

    public Optional<ModerationNote> findNote(Tx tx, long id) {
        return tx.dsl().selectFrom(ACCOUNT_MODERATION_NOTES).where(ACCOUNT_MODERATION_NOTES.ID.eq(id))
                .fetchOptional(r -> new ModerationNote(r.getId(), r.getAccountId(), r.getTargetAccountId(),
                        r.getContent(), r.getCreatedAt()));
    }

    public boolean deleteNote(Tx tx, long id) {
        return tx.dsl().deleteFrom(ACCOUNT_MODERATION_NOTES).where(ACCOUNT_MODERATION_NOTES.ID.eq(id)).execute() > 0;
    }
}

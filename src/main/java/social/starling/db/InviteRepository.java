package social.starling.db;

import static social.starling.db.schema.Tables.INVITES;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import social.starling.model.Invite;

/** Invite links. */
public final class InviteRepository {

    public void insert(Tx tx, Invite invite) {
        tx.dsl().insertInto(INVITES)
                .set(INVITES.ID, invite.id())
                .set(INVITES.CODE, invite.code())
                .set(INVITES.ACCOUNT_ID, invite.accountId())
                .set(INVITES.MAX_USES, invite.maxUses())
                .set(INVITES.USES, invite.uses())
                .set(INVITES.EXPIRES_AT, invite.expiresAt())
                .set(INVITES.CREATED_AT, invite.createdAt())
                .execute();
    }

    public Optional<Invite> findByCode(Tx tx, String code) {
        return tx.dsl().selectFrom(INVITES).where(INVITES.CODE.eq(code)).fetchOptional(InviteRepository::toInvite);
    }

    public List<Invite> byAccount(Tx tx, long accountId) {
        return tx.dsl().selectFrom(INVITES).where(INVITES.ACCOUNT_ID.eq(accountId)).orderBy(INVITES.ID.desc())
                .fetch(InviteRepository::toInvite);
    }

    /** Counts one use, unless the invite is used up, expired or revoked meanwhile; true if it counted. */
    public boolean use(Tx tx, long id, Instant now) {
        return tx.dsl().update(INVITES).set(INVITES.USES, INVITES.USES.plus(1))
                .where(INVITES.ID.eq(id))
                .and(INVITES.REVOKED_AT.isNull())
                .and(INVITES.EXPIRES_AT.isNull().or(INVITES.EXPIRES_AT.gt(now)))
                .and(INVITES.MAX_USES.isNull().or(INVITES.USES.lt(INVITES.MAX_USES)))
                .execute() == 1;
    }

    public boolean revoke(Tx tx, long id, Instant now) {
        return tx.dsl().update(INVITES).set(INVITES.REVOKED_AT, now).where(INVITES.ID.eq(id)).execute() == 1;
    }

    private static Invite toInvite(Record r) {
        return new Invite(r.get(INVITES.ID), r.get(INVITES.CODE), r.get(INVITES.ACCOUNT_ID), r.get(INVITES.MAX_USES),
                r.get(INVITES.USES), r.get(INVITES.EXPIRES_AT), r.get(INVITES.REVOKED_AT), r.get(INVITES.CREATED_AT));
    }
}

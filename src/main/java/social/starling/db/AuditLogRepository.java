package social.starling.db;

import static social.starling.db.schema.Tables.ADMIN_ACTION_LOGS;

import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import social.starling.model.AuditEntry;

/** The moderation audit log (admin_action_logs), newest first. */
public final class AuditLogRepository {

    public void insert(Tx tx, AuditEntry e) {
        tx.dsl().insertInto(ADMIN_ACTION_LOGS)
                .set(ADMIN_ACTION_LOGS.ID, e.id()).set(ADMIN_ACTION_LOGS.ACCOUNT_ID, e.accountId())
                .set(ADMIN_ACTION_LOGS.ACTION, e.action()).set(ADMIN_ACTION_LOGS.TARGET_TYPE, e.targetType())
                .set(ADMIN_ACTION_LOGS.TARGET_ID, e.targetId())
                .set(ADMIN_ACTION_LOGS.HUMAN_IDENTIFIER, e.humanIdentifier())
                .set(ADMIN_ACTION_LOGS.CREATED_AT, e.createdAt())
                .execute();
    }

    /**
     * A page of entries, newest first, below {@code maxId} (null for the newest); optionally only one staff
     * member's ({@code accountId}) or one target's ({@code targetType} with {@code targetId}).
     */
    public List<AuditEntry> page(Tx tx, Long accountId, String targetType, Long targetId, Long maxId, int limit) {
        Condition c = DSL.trueCondition();
        if (accountId != null) {
            c = c.and(ADMIN_ACTION_LOGS.ACCOUNT_ID.eq(accountId));
        }
        if (targetType != null) {
            c = c.and(ADMIN_ACTION_LOGS.TARGET_TYPE.eq(targetType));
        }
        if (targetId != null) {
            c = c.and(ADMIN_ACTION_LOGS.TARGET_ID.eq(targetId));
        }
        if (maxId != null) {
            c = c.and(ADMIN_ACTION_LOGS.ID.lt(maxId));
        }
        return tx.dsl().selectFrom(ADMIN_ACTION_LOGS).where(c).orderBy(ADMIN_ACTION_LOGS.ID.desc()).limit(limit)
                .fetch(r -> new AuditEntry(r.getId(), r.getAccountId(), r.getAction(), r.getTargetType(),
                        r.getTargetId(), r.getHumanIdentifier(), r.getCreatedAt()));
    }
}

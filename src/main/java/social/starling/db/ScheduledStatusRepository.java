package social.starling.db;

import static social.starling.db.schema.Tables.SCHEDULED_STATUSES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import social.starling.model.Page;
import social.starling.model.ScheduledStatus;

/** Statuses waiting to be posted; their parameters are stored as JSON. */
public final class ScheduledStatusRepository {
    private final ObjectMapper json;

    public ScheduledStatusRepository(ObjectMapper json) {
        this.json = json;
    }

    public void insert(Tx tx, ScheduledStatus s) {
        tx.dsl().insertInto(SCHEDULED_STATUSES)
                .set(SCHEDULED_STATUSES.ID, s.id())
                .set(SCHEDULED_STATUSES.ACCOUNT_ID, s.accountId())
                .set(SCHEDULED_STATUSES.SCHEDULED_AT, s.scheduledAt())
                .set(SCHEDULED_STATUSES.PARAMS, write(s.params()))
                .set(SCHEDULED_STATUSES.CREATED_AT, s.createdAt())
                .execute();
    }

    /** The media ids the scheduled statuses of these accounts will attach when published. */
    public java.util.Set<Long> scheduledMediaIds(Tx tx, java.util.Collection<Long> accountIds) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        tx.dsl().selectFrom(SCHEDULED_STATUSES).where(SCHEDULED_STATUSES.ACCOUNT_ID.in(accountIds))
                .forEach(r -> {
                    List<String> ids = toScheduled(r).params().mediaIds();
                    for (String id : ids == null ? List.<String>of() : ids) {
                        try {
                            out.add(Long.parseLong(id.trim()));
                        } catch (NumberFormatException ignored) {
                            // not an id: nothing to keep
                        }
                    }
                });
        return out;
    }

    public Optional<ScheduledStatus> find(Tx tx, long id) {
        return tx.dsl().selectFrom(SCHEDULED_STATUSES).where(SCHEDULED_STATUSES.ID.eq(id))
                .fetchOptional(this::toScheduled);
    }

    /** The account's scheduled statuses, newest id first. */
    public List<ScheduledStatus> page(Tx tx, long accountId, Page page) {
        return Paging.fetch(tx.dsl().selectFrom(SCHEDULED_STATUSES)
                        .where(SCHEDULED_STATUSES.ACCOUNT_ID.eq(accountId)), SCHEDULED_STATUSES.ID, page)
                .stream().map(this::toScheduled).toList();
    }

    public void reschedule(Tx tx, long id, Instant at) {
        tx.dsl().update(SCHEDULED_STATUSES).set(SCHEDULED_STATUSES.SCHEDULED_AT, at)
                .where(SCHEDULED_STATUSES.ID.eq(id)).execute();
    }

    public boolean delete(Tx tx, long id) {
        return tx.dsl().deleteFrom(SCHEDULED_STATUSES).where(SCHEDULED_STATUSES.ID.eq(id)).execute() == 1;
    }

    public int count(Tx tx, long accountId) {
        return tx.dsl().fetchCount(SCHEDULED_STATUSES, SCHEDULED_STATUSES.ACCOUNT_ID.eq(accountId));
    }

    /** How many of the account's scheduled statuses fall in [from, to), leaving one out (the one being moved). */
    public int countBetween(Tx tx, long accountId, Instant from, Instant to, long exceptId) {
        return tx.dsl().fetchCount(SCHEDULED_STATUSES, SCHEDULED_STATUSES.ACCOUNT_ID.eq(accountId)
                .and(SCHEDULED_STATUSES.SCHEDULED_AT.ge(from)).and(SCHEDULED_STATUSES.SCHEDULED_AT.lt(to))
                .and(SCHEDULED_STATUSES.ID.ne(exceptId)));
    }

    private ScheduledStatus toScheduled(Record r) {
        return new ScheduledStatus(r.get(SCHEDULED_STATUSES.ID), r.get(SCHEDULED_STATUSES.ACCOUNT_ID),
                r.get(SCHEDULED_STATUSES.SCHEDULED_AT), read(r.get(SCHEDULED_STATUSES.PARAMS)),
                r.get(SCHEDULED_STATUSES.CREATED_AT));
    }

    private String write(ScheduledStatus.Params params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ScheduledStatus.Params read(String raw) {
        try {
            return json.readValue(raw, ScheduledStatus.Params.class);
        } catch (JsonProcessingException e) {
            throw DatabaseException.translate(e);
        }
    }
}

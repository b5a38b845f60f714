package social.starling.db;

import static social.starling.db.schema.Tables.POLLS;
import static social.starling.db.schema.Tables.POLL_VOTES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.impl.DSL;
import social.starling.model.Poll;

/** Polls and votes. Vote counts per option are computed from poll_votes. */
public final class PollRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public PollRepository(ObjectMapper json) {
        this.json = json;
    }

    public void insert(Tx tx, long id, long statusId, long accountId, List<String> options, boolean multiple,
                       boolean hideTotals, Instant expiresAt, Instant now) {
        tx.dsl().insertInto(POLLS)
                .set(POLLS.ID, id).set(POLLS.STATUS_ID, statusId).set(POLLS.ACCOUNT_ID, accountId)
                .set(POLLS.OPTIONS, write(options)).set(POLLS.MULTIPLE, multiple).set(POLLS.HIDE_TOTALS, hideTotals)
                .set(POLLS.EXPIRES_AT, expiresAt).set(POLLS.CREATED_AT, now).set(POLLS.UPDATED_AT, now)
                .execute();
    }

    public void delete(Tx tx, long id) {
        tx.dsl().deleteFrom(POLLS).where(POLLS.ID.eq(id)).execute();
    }

    public Optional<Poll> find(Tx tx, long id) {
        return findAll(tx, List.of(id)).values().stream().findFirst();
    }

    public Map<Long, Poll> findAll(Tx tx, Collection<Long> ids) {
        Map<Long, Poll> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
        tx.dsl().select(POLL_VOTES.POLL_ID, POLL_VOTES.CHOICE, DSL.count()).from(POLL_VOTES)
                .where(POLL_VOTES.POLL_ID.in(ids)).groupBy(POLL_VOTES.POLL_ID, POLL_VOTES.CHOICE)
                .forEach(r -> counts.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        tx.dsl().selectFrom(POLLS).where(POLLS.ID.in(ids)).forEach(r -> {
            List<String> options = read(r.getOptions());
            List<Integer> perOption = new ArrayList<>();
            Map<Integer, Integer> c = counts.getOrDefault(r.getId(), Map.of());
            List<Integer> tallies = r.getCachedTallies() == null ? null : readInts(r.getCachedTallies());
            for (int i = 0; i < options.size(); i++) {
                // A remote poll counts what its server last said (local votes reach it through federation).
                perOption.add(tallies == null ? c.getOrDefault(i, 0) : i < tallies.size() ? tallies.get(i) : 0);
            }
            out.put(r.getId(), toPoll(r, options, perOption));
        });
        return out;
    }

    private static Poll toPoll(Record r, List<String> options, List<Integer> counts) {
        return new Poll(r.get(POLLS.ID), r.get(POLLS.STATUS_ID), r.get(POLLS.ACCOUNT_ID), options, counts,
                r.get(POLLS.MULTIPLE), r.get(POLLS.HIDE_TOTALS), r.get(POLLS.VOTES_COUNT), r.get(POLLS.VOTERS_COUNT),
                r.get(POLLS.EXPIRES_AT), r.get(POLLS.CLOSED_AT));
    }

    /** The choices {@code accountId} voted for, per poll, in the order they were voted (ids grow with each vote). */
    public Map<Long, List<Integer>> votesOf(Tx tx, long accountId, Collection<Long> pollIds) {
        Map<Long, List<Integer>> out = new HashMap<>();
        if (pollIds.isEmpty()) {
            return out;
        }
        tx.dsl().select(POLL_VOTES.POLL_ID, POLL_VOTES.CHOICE).from(POLL_VOTES)
                .where(POLL_VOTES.ACCOUNT_ID.eq(accountId)).and(POLL_VOTES.POLL_ID.in(pollIds))
                .orderBy(POLL_VOTES.ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    public void insertVote(Tx tx, long id, long pollId, long accountId, int choice, Instant now) {
        tx.dsl().insertInto(POLL_VOTES).set(POLL_VOTES.ID, id).set(POLL_VOTES.POLL_ID, pollId)
                .set(POLL_VOTES.ACCOUNT_ID, accountId).set(POLL_VOTES.CHOICE, choice).set(POLL_VOTES.CREATED_AT, now)
                .execute();
    }

    public void addVotes(Tx tx, long pollId, int votes, int voters, Instant now) {
        tx.dsl().update(POLLS).set(POLLS.VOTES_COUNT, POLLS.VOTES_COUNT.plus(votes))
                .set(POLLS.VOTERS_COUNT, POLLS.VOTERS_COUNT.plus(voters)).set(POLLS.UPDATED_AT, now)
                .where(POLLS.ID.eq(pollId)).execute();
    }

    public boolean close(Tx tx, long pollId, Instant now) {
        return tx.dsl().update(POLLS).set(POLLS.CLOSED_AT, now).set(POLLS.UPDATED_AT, now)
                .where(POLLS.ID.eq(pollId)).and(POLLS.CLOSED_AT.isNull()).execute() == 1;
    }

    /** Replaces a poll's settings when its status is edited; the poll is open again until {@code expiresAt}. */
    public void update(Tx tx, long pollId, List<String> options, boolean multiple, boolean hideTotals,
                       Instant expiresAt, Instant now) {
        tx.dsl().update(POLLS).set(POLLS.OPTIONS, write(options)).set(POLLS.MULTIPLE, multiple)
                .set(POLLS.HIDE_TOTALS, hideTotals).set(POLLS.EXPIRES_AT, expiresAt)
                .setNull(POLLS.CLOSED_AT).set(POLLS.UPDATED_AT, now)
                .where(POLLS.ID.eq(pollId)).execute();
    }

    /**
     * A remote poll's state as its server tells it (Mastodon's {@code cached_tallies}): votes per option, totals,
     * and its end; {@code closedAt} null leaves it open.
     */
    public void setRemoteState(Tx tx, long pollId, List<Integer> tallies, int votesCount, int votersCount,
                               Instant expiresAt, Instant closedAt, Instant now) {
        tx.dsl().update(POLLS).set(POLLS.CACHED_TALLIES, writeInts(tallies)).set(POLLS.VOTES_COUNT, votesCount)
                .set(POLLS.VOTERS_COUNT, votersCount).set(POLLS.EXPIRES_AT, expiresAt).set(POLLS.CLOSED_AT, closedAt)
                .set(POLLS.UPDATED_AT, now).where(POLLS.ID.eq(pollId)).execute();
    }

    /** Removes every vote (the options changed, so earlier votes no longer mean anything). */
    public void resetVotes(Tx tx, long pollId, Instant now) {
        tx.dsl().deleteFrom(POLL_VOTES).where(POLL_VOTES.POLL_ID.eq(pollId)).execute();
        tx.dsl().update(POLLS).set(POLLS.VOTES_COUNT, 0).set(POLLS.VOTERS_COUNT, 0).set(POLLS.UPDATED_AT, now)
                .where(POLLS.ID.eq(pollId)).execute();
    }

    /** Accounts that voted in the poll (to notify them when it ends). */
    public List<Long> voters(Tx tx, long pollId) {
        return tx.dsl().selectDistinct(POLL_VOTES.ACCOUNT_ID).from(POLL_VOTES).where(POLL_VOTES.POLL_ID.eq(pollId))
                .fetch(POLL_VOTES.ACCOUNT_ID);
    }

    private String writeInts(List<Integer> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Integer> readInts(String raw) {
        try {
            return json.readValue(raw, INTS);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(List<String> options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> read(String raw) {
        try {
            return json.readValue(raw, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}

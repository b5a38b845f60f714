package social.starling.db;

import static social.starling.db.schema.Tables.CONVERSATIONS;
import static social.starling.db.schema.Tables.STATUSES;
import static social.starling.db.schema.Tables.STATUS_MENTIONS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import social.starling.model.Status;
import social.starling.model.Visibility;

/**
 * The reads that serving local objects over ActivityPub needs beyond the other repositories: who a status addresses,
 * its thread's id, and its replies as the {@code replies} collection lists them. Only public and unlisted replies are
 * ever listed here.
 */
public final class FederationRepository {
    private static final List<String> LISTED = List.of(Visibility.PUBLIC.wireName(), Visibility.UNLISTED.wireName());

    /** Mentioned account ids per status, without silent mentions (those an edit took out of the text). */
    public Map<Long, List<Long>> activeMentions(Tx tx, Collection<Long> statusIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (statusIds.isEmpty()) {
            return out;
        }
        tx.dsl().select(STATUS_MENTIONS.STATUS_ID, STATUS_MENTIONS.ACCOUNT_ID).from(STATUS_MENTIONS)
                .where(STATUS_MENTIONS.STATUS_ID.in(statusIds)).and(STATUS_MENTIONS.SILENT.isFalse())
                .orderBy(STATUS_MENTIONS.STATUS_ID, STATUS_MENTIONS.ACCOUNT_ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    /** The stored URIs of these conversations, where they have one (remote threads); local ones have none. */
    public Map<Long, String> conversationUris(Tx tx, Collection<Long> conversationIds) {
        Map<Long, String> out = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return out;
        }
        tx.dsl().select(CONVERSATIONS.ID, CONVERSATIONS.URI).from(CONVERSATIONS)
                .where(CONVERSATIONS.ID.in(conversationIds)).and(CONVERSATIONS.URI.isNotNull())
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /**
     * Up to {@code perParent} public or unlisted replies of each status's own author to it (a self-thread), oldest
     * first, by parent id.
     */
    public Map<Long, List<Status>> selfReplies(Tx tx, Collection<Long> parentIds, int perParent) {
        Map<Long, List<Status>> out = new HashMap<>();
        if (parentIds.isEmpty()) {
            return out;
        }
        var rank = DSL.rowNumber().over(DSL.partitionBy(STATUSES.IN_REPLY_TO_ID).orderBy(STATUSES.ID.asc()))
                .as("rank");
        var ranked = DSL.select(STATUSES.asterisk(), rank).from(STATUSES)
                .where(STATUSES.IN_REPLY_TO_ID.in(parentIds))
                .and(STATUSES.ACCOUNT_ID.eq(STATUSES.IN_REPLY_TO_ACCOUNT_ID))
                .and(STATUSES.VISIBILITY.in(LISTED))
                .asTable("ranked");
        tx.dsl().select(ranked.fields(STATUSES.fields())).from(ranked)
                .where(ranked.field(rank).le(perParent))
                .orderBy(ranked.field(STATUSES.ID))
                .forEach(r -> {
                    Status s = StatusRepository.toStatus(r.into(STATUSES));
                    out.computeIfAbsent(s.inReplyToId(), k -> new ArrayList<>()).add(s);
                });
        return out;
    }

    /**
     * A page of public or unlisted replies to {@code statusId}, oldest first after {@code afterId}: by its author
     * ({@code self}) or by everyone else.
     */
    public List<Status> replies(Tx tx, long statusId, long authorId, boolean self, long afterId, int limit) {
        Condition who = self ? STATUSES.ACCOUNT_ID.eq(authorId) : STATUSES.ACCOUNT_ID.ne(authorId);
        return tx.dsl().selectFrom(STATUSES)
                .where(STATUSES.IN_REPLY_TO_ID.eq(statusId)).and(who)
                .and(STATUSES.VISIBILITY.in(LISTED)).and(STATUSES.ID.gt(afterId))
                .orderBy(STATUSES.ID.asc()).limit(limit)
                .fetch(StatusRepository::toStatus);
    }
}

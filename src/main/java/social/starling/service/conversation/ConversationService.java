package social.starling.service.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.ConversationRepository;
import social.starling.db.Database;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.view.ConversationView;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * Direct-message threads as each participant sees them (Mastodon's AccountConversation, /api/v1/conversations):
 * listing them by most recent status, marking one read, removing one from one's list. The rows are written by the
 * distribution of direct statuses; here they are only read, marked and deleted.
 */
public final class ConversationService {
    /** A page of threads and the paging ids (last status ids, newest first) of the rows read. */
    public record Listing(List<ConversationView> conversations, List<Long> pagingIds) {
    }

    private final Database db;
    private final ConversationRepository conversations;
    private final AccountRepository accounts;
    private final StatusViews statuses;

    public ConversationService(Database db, ConversationRepository conversations, AccountRepository accounts,
                               StatusViews statuses) {
        this.db = db;
        this.conversations = conversations;
        this.accounts = accounts;
        this.statuses = statuses;
    }

    public Listing list(long viewerId, Page page) {
        List<ConversationRepository.Row> rows = db.read(tx -> conversations.page(tx, viewerId, page));
        List<Long> pagingIds = rows.stream().map(ConversationRepository.Row::lastStatusId)
                .filter(id -> id != null).toList();
        return new Listing(views(viewerId, rows), pagingIds);
    }

    /** {@code viewerId}'s thread for conversation {@code conversationId} as listed (the direct stream sends it). */
    public Optional<ConversationView> ofThread(long viewerId, long conversationId) {
        return db.read(tx -> conversations.findByConversation(tx, viewerId, conversationId))
                .flatMap(row -> views(viewerId, List.of(row)).stream().findFirst());
    }

    /** Marks the thread read and answers it; 404 if it is not in the viewer's list. */
    public ConversationView read(long viewerId, long id) {
        ConversationRepository.Row row = db.inTransaction(tx -> {
            ConversationRepository.Row found = conversations.find(tx, viewerId, id)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            conversations.markRead(tx, id);
            return found;
        });
        ConversationRepository.Row read = new ConversationRepository.Row(row.id(), row.accountId(),
                row.conversationId(), row.participantIds(), row.lastStatusId(), false);
        List<ConversationView> views = views(viewerId, List.of(read));
        return views.isEmpty() ? new ConversationView(row.id(), false, participants(viewerId, read), null)
                : views.getFirst();
    }

    /** Removes the thread from the viewer's list (the statuses stay); 404 if it is not there. */
    public void delete(long viewerId, long id) {
        db.inTransaction(tx -> {
            conversations.find(tx, viewerId, id).orElseThrow(() -> new NotFoundException("Record not found"));
            conversations.delete(tx, id);
            return null;
        });
    }

    /**
     * Renders rows in order. A thread whose last status is gone (deleted, or no longer visible) shows its newest
     * remaining direct status the viewer took part in, as Mastodon recomputes last_status on deletion; a thread
     * with none left is not listed.
     */
    private List<ConversationView> views(long viewerId, List<ConversationRepository.Row> rows) {
        Map<Long, StatusView> shown = load(viewerId, rows.stream().map(ConversationRepository.Row::lastStatusId)
                .filter(id -> id != null).toList());
        Map<Long, Account> people = people(viewerId, rows);
        List<ConversationView> out = new ArrayList<>();
        for (ConversationRepository.Row row : rows) {
            StatusView last = row.lastStatusId() == null ? null : shown.get(row.lastStatusId());
            if (last == null) {
                Optional<Long> fallback = db.read(tx -> conversations.latestDirectStatus(tx, row.conversationId(),
                        viewerId));
                last = fallback.flatMap(sid -> statuses.one(sid, viewerId)).orElse(null);
                if (last == null) {
                    continue;
                }
            }
            List<Account> others = row.participantIds().stream().map(people::get).filter(a -> a != null).toList();
            out.add(new ConversationView(row.id(), row.unread(),
                    others.isEmpty() ? List.of(people.get(viewerId)) : others, last));
        }
        return out;
    }

    private Map<Long, StatusView> load(long viewerId, List<Long> ids) {
        Map<Long, StatusView> out = new HashMap<>();
        statuses.load(ids, viewerId, StatusViews.Mode.SHOW, null).forEach(v -> out.put(v.status().id(), v));
        return out;
    }

    private Map<Long, Account> people(long viewerId, List<ConversationRepository.Row> rows) {
        Set<Long> ids = new HashSet<>();
        ids.add(viewerId);
        rows.forEach(r -> ids.addAll(r.participantIds()));
        Map<Long, Account> out = new HashMap<>();
        db.read(tx -> accounts.findAll(tx, ids)).forEach(a -> out.put(a.id(), a));
        return out;
    }

    private List<Account> participants(long viewerId, ConversationRepository.Row row) {
        Map<Long, Account> people = people(viewerId, List.of(row));
        List<Account> others = row.participantIds().stream().map(people::get).filter(a -> a != null).toList();
        return others.isEmpty() ? List.of(people.get(viewerId)) : others;
    }
}

package social.starling.service.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import social.starling.db.Database;
import social.starling.db.RuleRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.Rule;

/**
 * The server's rules as staff edit them (the admin pages and {@code starling rules}): add, edit, remove and move,
 * each written to the audit log (target type {@code Rule}, the rule's text as identifier) in its transaction.
 */
public final class RuleService {
    public static final int MAX_TEXT = 300;
    public static final int MAX_HINT = 2_000;

    private final Database db;
    private final RuleRepository rules;
    private final AuditLog auditLog;
    private final IdGenerator ids;
    private final Clock clock;

    public RuleService(Database db, RuleRepository rules, AuditLog auditLog, IdGenerator ids, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.auditLog = auditLog;
        this.ids = ids;
        this.clock = clock;
    }

    public List<Rule> list() {
        return db.read(rules::all);
    }

    public Rule require(long id) {
        return db.read(tx -> rules.find(tx, id)).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /** Adds a rule after the others. Text 1-300 characters, hint at most 2,000 (422 naming the field otherwise). */
    public Rule add(long actorId, String text, String hint) {
        String t = clean(text);
        String h = clean(hint);
        validate(t, h);
        return db.inTransaction(tx -> {
            Rule rule = new Rule(ids.next(), t, h, rules.nextPosition(tx));
            rules.insert(tx, rule, clock.instant());
            auditLog.record(tx, actorId, "create", "Rule", rule.id(), identifier(t));
            return rule;
        });
    }

    public void update(long actorId, long id, String text, String hint) {
        String t = clean(text);
        String h = clean(hint);
        validate(t, h);
        db.inTransaction(tx -> {
            if (!rules.update(tx, id, t, h, clock.instant())) {
                throw new NotFoundException("Record not found");
            }
            auditLog.record(tx, actorId, "update", "Rule", id, identifier(t));
            return null;
        });
    }

    public void delete(long actorId, long id) {
        db.inTransaction(tx -> {
            Rule rule = rules.find(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
            rules.delete(tx, id);
            auditLog.record(tx, actorId, "destroy", "Rule", id, identifier(rule.text()));
            return null;
        });
    }

    /** Moves a rule one place up ({@code by} = -1) or down (+1); at either end nothing changes. */
    public void move(long actorId, long id, int by) {
        db.inTransaction(tx -> {
            List<Rule> all = new ArrayList<>(rules.all(tx));
            int at = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id() == id) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new NotFoundException("Record not found");
            }
            int to = at + Integer.signum(by);
            if (to < 0 || to >= all.size() || to == at) {
                return null;
            }
            all.add(to, all.remove(at));
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).position() != i) {
                    rules.setPosition(tx, all.get(i).id(), i, clock.instant());
                }
            }
            auditLog.record(tx, actorId, "update", "Rule", id, identifier(all.get(to).text()));
            return null;
        });
    }

    private static void validate(String text, String hint) {
        Map<String, List<UnprocessableException.Detail>> details = new LinkedHashMap<>();
        if (text.isEmpty()) {
            details.put("text", List.of(new UnprocessableException.Detail("ERR_BLANK", "can't be blank")));
        } else if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            details.put("text", List.of(new UnprocessableException.Detail("ERR_TOO_LONG",
                    "is too long (maximum is " + MAX_TEXT + " characters)")));
        }
        if (hint.codePointCount(0, hint.length()) > MAX_HINT) {
            details.put("hint", List.of(new UnprocessableException.Detail("ERR_TOO_LONG",
                    "is too long (maximum is 2000 characters)")));
        }
        if (!details.isEmpty()) {
            throw new UnprocessableException("Validation failed", details);
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    /** The audit log's identifier: the rule's text, cut to fit the column. */
    private static String identifier(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}

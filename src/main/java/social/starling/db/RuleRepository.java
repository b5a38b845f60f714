package social.starling.db;

import static social.starling.db.schema.Tables.RULES;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.model.Rule;

/** The server's rules, in display order. */
public final class RuleRepository {

    public List<Rule> all(Tx tx) {
        return tx.dsl().selectFrom(RULES).orderBy(RULES.POSITION, RULES.ID)
                .fetch(r -> new Rule(r.getId(), r.getText(), r.getHint(), r.getPosition()));
    }

    public Optional<Rule> find(Tx tx, long id) {
        return tx.dsl().selectFrom(RULES).where(RULES.ID.eq(id))
                .fetchOptional(r -> new Rule(r.getId(), r.getText(), r.getHint(), r.getPosition()));
    }

    public boolean update(Tx tx, long id, String text, String hint, Instant now) {
        return tx.dsl().update(RULES).set(RULES.TEXT, text).set(RULES.HINT, hint).set(RULES.UPDATED_AT, now)
                .where(RULES.ID.eq(id)).execute() == 1;
    }

    public void setPosition(Tx tx, long id, int position, Instant now) {
        tx.dsl().update(RULES).set(RULES.POSITION, position).set(RULES.UPDATED_AT, now)
                .where(RULES.ID.eq(id)).execute();
    }

    public void insert(Tx tx, Rule rule, Instant now) {
        tx.dsl().insertInto(RULES)
                .set(RULES.ID, rule.id())
                .set(RULES.TEXT, rule.text())
                .set(RULES.HINT, rule.hint())
                .set(RULES.POSITION, rule.position())
                .set(RULES.CREATED_AT, now)
                .set(RULES.UPDATED_AT, now)
                .execute();
    }

    public boolean delete(Tx tx, long id) {
        return tx.dsl().deleteFrom(RULES).where(RULES.ID.eq(id)).execute() == 1;
    }

    public int nextPosition(Tx tx) {
        Integer max = tx.dsl().select(org.jooq.impl.DSL.max(RULES.POSITION)).from(RULES).fetchOne(0, Integer.class);
        return max == null ? 0 : max + 1;
    }
}

package social.starling.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

/**
 * Hot queries whose SQL text depends only on their shape (which optional parts they have, how many values an IN
 * list holds), rendered by jOOQ once per shape and dialect and then run with each call's values bound in order:
 * a page of statuses costs no SQL rendering, which was a fifth of a home timeline request's CPU. The statement
 * itself is prepared once per connection and kept ({@link PreparedStatements}): SQLite's compiling of it was half
 * the cost of running it.
 *
 * <p>The caller names the shape and passes the values in the order of the SQL's parameters. The first call of a
 * shape builds the jOOQ query with its real values and checks that jOOQ binds exactly those values in that order,
 * so a caller that gets the order wrong fails at once (in tests) rather than returning another query's rows.
 * Values are numbers, strings and booleans, which JDBC binds as jOOQ would; others go through jOOQ each time.
 */
final class RenderedOnce {
    static final PreparedStatements STATEMENTS = new PreparedStatements();

    /** Queries with more values than this run through jOOQ each time, so the shapes kept stay few and small. */
    static final int MAX_VALUES = 400;

    private final Map<List<Object>, String> sql = new ConcurrentHashMap<>();

    /**
     * @param shape  what determines the SQL text besides the dialect (equal shapes, equal text)
     * @param query  builds this call's query with its values (called only for a shape not rendered yet)
     * @param fields the query's select list, to read the rows by
     * @param values the values jOOQ binds, in order
     */
    Result<Record> fetch(Tx tx, List<Object> shape, Supplier<ResultQuery<?>> query, List<? extends Field<?>> fields,
                         Object... values) {
        if (values.length > MAX_VALUES) {
            // A rare big IN list: not worth a shape of its own (and jOOQ may inline values past a dialect's limit).
            // Run in the caller's transaction: hot queries are built with DSL alone, attached to no connection.
            return tx.dsl().fetch(query.get().coerce(fields));
        }
        List<Object> key = List.of(tx.dsl().dialect(), shape);
        String text = sql.get(key);
        if (text == null) {
            ResultQuery<?> q = query.get();
            // Compared as text: jOOQ may hold a value as another number type (a limit as a Long, say).
            List<String> bound = tx.dsl().extractBindValues(q).stream().map(String::valueOf).toList();
            if (!bound.equals(Arrays.stream(values).map(String::valueOf).toList())) {
                throw new IllegalStateException("values " + Arrays.asList(values) + " are not the ones bound "
                        + bound + " for shape " + shape);
            }
            text = tx.dsl().render(q);
            sql.put(key, text);
        }
        if (!Arrays.stream(values).allMatch(RenderedOnce::plain)) {
            return tx.dsl().resultQuery(text, values).coerce(fields).fetch();
        }
        return fetchPrepared(tx, text, fields, values);
    }

    private static boolean plain(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof String
                || value instanceof Boolean;
    }

    private static Result<Record> fetchPrepared(Tx tx, String text, List<? extends Field<?>> fields,
                                                Object[] values) {
        QueryCounter.increment();
        Connection physical;
        try {
            physical = Database.currentConnection().unwrap(Connection.class);
        } catch (SQLException e) {
            throw DatabaseException.translate(e);
        }
        try {
            PreparedStatement statement = STATEMENTS.get(physical, text);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return tx.dsl().fetch(rows, fields.toArray(Field<?>[]::new));
            }
        } catch (SQLException | RuntimeException e) {
            STATEMENTS.discard(physical, text);
            throw e instanceof RuntimeException r ? r : DatabaseException.translate(e);
        }
    }
}

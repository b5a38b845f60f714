package social.starling.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-row {@code INSERT INTO t (cols) VALUES (...), (...), ...} through plain JDBC, in the caller's transaction,
 * for bulk loads such as the bench seeder (cli/bench), which names the table and columns it fills: the same SQL on
 * SQLite and PostgreSQL, and far fewer round trips than a row at a time (both limit a statement to 32,766 bound
 * values, so rows per statement are chosen to stay below that). Add rows with {@link #row}; {@link #flush} sends what
 * is pending. Values are Long, Integer, Boolean, String or null.
 */
public final class BatchInsert {
    private static final int MAX_VALUES = 30_000;

    private final Connection connection;
    private final String table;
    private final String columns;
    private final int width;
    private final int rowsPerStatement;
    private final List<Object[]> pending = new ArrayList<>();
    private PreparedStatement full;
    private long written;
    private BatchInsert parent;

    public BatchInsert(Tx tx, String table, String... columns) {
        this.connection = tx.dsl().configuration().connectionProvider().acquire();
        this.table = table;
        this.columns = String.join(", ", columns);
        this.width = columns.length;
        this.rowsPerStatement = Math.max(1, Math.min(1_000, MAX_VALUES / width));
    }

    /** Rows here reference rows of {@code parent}: flushing this flushes the parent first. */
    public BatchInsert after(BatchInsert parent) {
        this.parent = parent;
        return this;
    }

    public void row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException(table + ": expected " + width + " values, got " + values.length);
        }
        pending.add(values);
        if (pending.size() == rowsPerStatement) {
            flush();
        }
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (parent != null) {
            parent.flush();
        }
        try {
            PreparedStatement ps;
            if (pending.size() == rowsPerStatement) {
                if (full == null) {
                    full = connection.prepareStatement(sql(rowsPerStatement));
                }
                ps = full;
                bind(ps);
                ps.executeUpdate();
            } else {
                try (PreparedStatement partial = connection.prepareStatement(sql(pending.size()))) {
                    bind(partial);
                    partial.executeUpdate();
                }
            }
            written += pending.size();
            pending.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("inserting into " + table + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and closes; returns the rows written. */
    public long close() {
        flush();
        try {
            if (full != null) {
                full.close();
                full = null;
            }
        } catch (SQLException e) {
            throw DatabaseException.translate(e);
        }
        return written;
    }

    private String sql(int rows) {
        String one = "(" + "?, ".repeat(width - 1) + "?)";
        StringBuilder sb = new StringBuilder(40 + rows * (one.length() + 2));
        sb.append("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ", ").append(one);
        }
        return sb.toString();
    }

    private void bind(PreparedStatement ps) throws SQLException {
        int p = 1;
        for (Object[] row : pending) {
            for (Object v : row) {
                switch (v) {
                    case null -> ps.setNull(p, Types.NULL);
                    case Long l -> ps.setLong(p, l);
                    case Integer i -> ps.setInt(p, i);
                    case Boolean b -> ps.setBoolean(p, b);
                    case String s -> ps.setString(p, s);
                    default -> throw new IllegalArgumentException("unsupported value " + v.getClass());
                }
                p++;
            }
        }
    }
}

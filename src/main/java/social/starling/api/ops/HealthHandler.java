package social.starling.api.ops;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import social.starling.db.Database;

/**
 * {@code /livez}: the process answers. {@code /readyz}: it can serve, meaning the database answers and every
 * migration is applied; a load balancer sends traffic only when this is 200. {@code /health}: Mastodon's check
 * (HealthController), the text "OK" while the database answers, which monitoring made for Mastodon expects.
 */
public final class HealthHandler {
    private final Database db;
    private final BooleanSupplier accepting;

    /** {@code accepting}: start-up has finished and shutdown has not begun. */
    public HealthHandler(Database db, BooleanSupplier accepting) {
        this.db = db;
        this.accepting = accepting;
    }

    public void live(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    public void health(Context ctx) {
        boolean ok = db.ping();
        ctx.status(ok ? 200 : 503).contentType("text/plain; charset=utf-8").result(ok ? "OK" : "Unavailable");
    }

    public void ready(Context ctx) {
        boolean database = db.ping();
        boolean migrations = database && db.migrationsApplied();
        boolean open = accepting.getAsBoolean();
        boolean ok = database && migrations && open;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "unavailable");
        body.put("database", database ? "ok" : "unreachable");
        body.put("migrations", migrations ? "applied" : "pending");
        body.put("accepting", open);
        ctx.status(ok ? 200 : 503).json(body);
    }
}

package social.starling.support;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Loads the heaviest libraries (jOOQ, Jetty and Javalin) on background threads while the main thread reads the
 * configuration and opens the database. Class initialisation dominates start-up on a small machine; doing it on
 * both cores at once brings a cold start closer to the 2-second target. Purely an optimisation: nothing waits
 * for it.
 */
public final class StartupWarmup {
    private StartupWarmup() {
    }

    public static void inBackground() {
        Thread.ofPlatform().daemon().name("warmup-jooq").start(() -> {
            try {
                DSL.using(SQLDialect.SQLITE).selectOne().where(DSL.field("x").eq(1)).getSQL();
                DSL.using(SQLDialect.POSTGRES).selectOne().getSQL();
            } catch (RuntimeException | LinkageError ignored) {
                // best effort
            }
        });
        Thread.ofPlatform().daemon().name("warmup-http").start(() -> {
            try {
                io.javalin.Javalin.create(c -> c.startup.showJavalinBanner = false);
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("a", 1));
            } catch (Exception | LinkageError ignored) {
                // best effort
            }
        });
    }
}

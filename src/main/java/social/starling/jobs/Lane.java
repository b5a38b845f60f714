package social.starling.jobs;

import java.util.Locale;

/**
 * Priority lanes, each with its own concurrency limit, so a flood in one never starves another: work for local
 * people first (DEFAULT), new statuses into home FEEDS, then outbound DELIVERY, then INGRESS of remote activities,
 * then PULL (backfills, remote fetches).
 */
public enum Lane {
    DEFAULT, FEEDS, DELIVERY, INGRESS, PULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

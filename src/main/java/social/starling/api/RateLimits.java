package social.starling.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import social.starling.errors.RateLimitedException;

/**
 * Mastodon's API throttles (config/initializers/rack_attack.rb): per access token {@code authenticated} requests,
 * per client address {@code anonymous} ones, in fixed 5-minute windows aligned on the clock. Every response of a
 * limited request carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}
 * (the window's end, ISO 8601), as Mastodon's RateLimitHeaders sends them, so clients such as Mastodon.py
 * ({@code ratelimit_method="wait"}) pace themselves; past the limit the answer is 429 with {@code Retry-After}.
 * Counted in this node's memory: several nodes each count their share, which still bounds abuse. A limit of 0 turns
 * that throttle off (and its headers).
 */
public final class RateLimits {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final int authenticated;
    private final int anonymous;
    private final Clock clock;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW.multipliedBy(2)).maximumSize(500_000).build();

    public RateLimits(int authenticated, int anonymous, Clock clock) {
        this.authenticated = authenticated;
        this.anonymous = anonymous;
        this.clock = clock;
    }

    /** A before-handler for {@code /api/*}. */
    public void check(Context ctx) {
        if (!ctx.path().startsWith("/api/")) {
            return;
        }
        String token = bearer(ctx);
        int limit = token != null ? authenticated : anonymous;
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        Instant reset = Instant.ofEpochSecond((window + 1) * WINDOW.toSeconds());
        String key = (token != null ? "t:" + token : "a:" + ctx.ip()) + ":" + window;
        int used = counts.get(key, k -> new AtomicInteger()).incrementAndGet();
        ctx.header("X-RateLimit-Limit", Integer.toString(limit));
        ctx.header("X-RateLimit-Remaining", Integer.toString(Math.max(0, limit - used)));
        ctx.header("X-RateLimit-Reset", reset.truncatedTo(ChronoUnit.MILLIS).toString());
        if (used > limit) {
            throw new RateLimitedException("Too many requests", Duration.between(now, reset));
        }
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        String param = ctx.queryParam("access_token");
        return param == null || param.isBlank() ? null : param;
    }
}

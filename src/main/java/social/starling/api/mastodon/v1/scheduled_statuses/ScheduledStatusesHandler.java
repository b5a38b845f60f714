package social.starling.api.mastodon.v1.scheduled_statuses;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.api.mastodon.v1.statuses.StatusesHandler;
import social.starling.convert.ScheduledStatusApiMapper;
import social.starling.errors.UnprocessableException;
import social.starling.model.Page;
import social.starling.model.ScheduledStatus;
import social.starling.service.oauth.Caller;
import social.starling.service.status.PostStatusService;
import social.starling.service.status.ScheduledStatusService;

/**
 * Scheduled statuses: posting with {@code scheduled_at} ({@link #posting()}, the hook {@code POST
 * /api/v1/statuses} calls), and {@code GET /api/v1/scheduled_statuses} (paged), {@code GET/PUT/DELETE
 * /api/v1/scheduled_statuses/:id}.
 */
public final class ScheduledStatusesHandler {
    private final ApiAuth auth;
    private final ScheduledStatusService scheduled;
    private final ScheduledStatusApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public ScheduledStatusesHandler(ApiAuth auth, ScheduledStatusService scheduled, ScheduledStatusApiMapper mapper,
                                    ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.scheduled = scheduled;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    /**
     * Takes a POST /api/v1/statuses that names a future {@code scheduled_at}. As Mastodon, a time already past
     * posts the status at once (the hook declines it), and one less than five minutes ahead is refused.
     */
    public StatusesHandler.ScheduledPosting posting() {
        return (ctx, accountId, p) -> {
            String raw = p.string("scheduled_at").map(String::strip).orElse("");
            if (raw.isEmpty()) {
                return false;
            }
            Instant at = parse(raw);
            if (!scheduled.isFuture(at)) {
                return false;
            }
            Caller caller = auth.user(ctx, "write:statuses");
            PostStatusService.Request r = StatusesHandler.request(ctx, p, caller.token().applicationId());
            ScheduledStatus.Poll poll = r.poll() == null ? null : new ScheduledStatus.Poll(r.poll().options(),
                    r.poll().expiresIn(), r.poll().multiple(), r.poll().hideTotals());
            ScheduledStatus s = scheduled.schedule(accountId, at, new ScheduledStatus.Params(r.text(),
                    p.string("spoiler_text").orElse(null), r.visibility(), r.sensitive(), r.language(),
                    r.inReplyToId(), poll, r.mediaIds().isEmpty() ? null : r.mediaIds(), r.applicationId()));
            ctx.json(mapper.toApi(s));
            return true;
        };
    }

    public void index(Context ctx) {
        Caller caller = auth.user(ctx, "read:statuses");
        Page page = Paging.page(ctx, 20, 40);
        var list = scheduled.list(caller.accountId(), page);
        Paging.link(ctx, baseUrl, list.stream().map(ScheduledStatus::id).toList(), page);
        ctx.json(mapper.toApi(list));
    }

    public void show(Context ctx) {
        Caller caller = auth.user(ctx, "read:statuses");
        ctx.json(mapper.toApi(scheduled.find(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    public void update(Context ctx) {
        Caller caller = auth.user(ctx, "write:statuses");
        long id = AccountsHandler.pathId(ctx);
        Params p = Params.of(ctx, json);
        String raw = p.string("scheduled_at").map(String::strip).orElse("");
        ScheduledStatus s = raw.isEmpty() ? scheduled.find(caller.accountId(), id)
                : scheduled.reschedule(caller.accountId(), id, parse(raw));
        ctx.json(mapper.toApi(s));
    }

    public void destroy(Context ctx) {
        Caller caller = auth.user(ctx, "write:statuses");
        scheduled.delete(caller.accountId(), AccountsHandler.pathId(ctx));
        ctx.json(Map.of());
    }

    /** ISO 8601, with an offset or Z; without one, UTC. */
    static Instant parse(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new UnprocessableException("Validation failed: Scheduled at is not a valid date");
            }
        }
    }
}

package social.starling.api.mastodon.v1.statuses;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.StatusApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.model.Status;
import social.starling.service.status.DeleteStatusService;
import social.starling.service.status.PostStatusService;
import social.starling.service.status.StatusViews;
import social.starling.service.status.UnexpectedMentionsException;

/**
 * {@code POST /api/v1/statuses}, {@code GET /api/v1/statuses/:id}, {@code GET /api/v1/statuses?id[]=} and
 * {@code DELETE /api/v1/statuses/:id}.
 */
public final class StatusesHandler {
    private final ApiAuth auth;
    private final PostStatusService post;
    private final DeleteStatusService delete;
    private final StatusViews views;
    private final StatusApiMapper mapper;
    private final ObjectMapper json;
    private final ScheduledPosting scheduled;
    private final AccountApiMapper accounts;

    /** Posting with {@code scheduled_at} is handled elsewhere (ScheduledStatuses); this hook keeps it pluggable. */
    public interface ScheduledPosting {
        /** Returns true if it took the request (scheduled_at given) and wrote the response. */
        boolean handle(Context ctx, long accountId, Params params);
    }

    public StatusesHandler(ApiAuth auth, PostStatusService post, DeleteStatusService delete, StatusViews views,
                           StatusApiMapper mapper, ObjectMapper json, ScheduledPosting scheduled,
                           AccountApiMapper accounts) {
        this.auth = auth;
        this.post = post;
        this.delete = delete;
        this.views = views;
        this.mapper = mapper;
        this.json = json;
        this.scheduled = scheduled;
        this.accounts = accounts;
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:statuses");
        Params p = Params.of(ctx, json);
        if (scheduled.handle(ctx, caller.accountId(), p)) {
            return;
        }
        Status status;
        try {
            status = post.post(caller.accountId(), request(ctx, p, caller.token().applicationId()),
                    allowedMentions(p));
        } catch (UnexpectedMentionsException e) {
            // Mastodon's StatusesController#unexpected_accounts_error_json
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("unexpected_accounts", e.accounts().stream().map(accounts::toApi).toList());
            ctx.status(422).json(body);
            return;
        }
        ctx.json(mapper.toApi(views.one(status.id(), caller.accountId()).orElseThrow()));
    }

    /** {@code allowed_mentions[]}: account ids, or null when not given (no limit); what is not a number is no id. */
    static Set<Long> allowedMentions(Params p) {
        if (!p.has("allowed_mentions")) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        for (String raw : p.strings("allowed_mentions")) {
            Long id = parse(raw);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The request as PostStatusService takes it, from any of the ways apps send it. */
    public static PostStatusService.Request request(Context ctx, Params p, Long applicationId) {
        PostStatusService.PollRequest poll = p.object("poll").map(o -> new PostStatusService.PollRequest(
                o.strings("options"), o.intValue("expires_in").orElse(null), o.bool("multiple", false),
                o.bool("hide_totals", false))).orElse(null);
        return new PostStatusService.Request(p.string("status").orElse(""), p.string("spoiler_text").orElse(""),
                p.string("visibility").orElse(null), p.bool("sensitive").orElse(null), p.string("language").orElse(null),
                p.longValue("in_reply_to_id").orElse(null), poll, p.strings("media_ids"),
                ctx == null ? null : ctx.header("Idempotency-Key"), applicationId,
                // As Status.find: an id that is not a number names no status (a 404 from the service).
                p.string("quoted_status_id").filter(v -> !v.isBlank()).map(v -> {
                    Long id = parse(v);
                    return id == null ? -1L : id;
                }).orElse(null),
                p.string("quote_approval_policy").filter(v -> !v.isBlank()).orElse(null));
    }

    public void show(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        ctx.json(mapper.toApi(views.one(AccountsHandler.pathId(ctx), viewer)
                .orElseThrow(() -> new NotFoundException("Record not found"))));
    }

    public void index(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(c -> c.accountId()).orElse(null);
        List<Long> ids = Params.of(ctx, json).strings("id").stream().limit(40).map(StatusesHandler::parse)
                .filter(id -> id != null).toList();
        ctx.json(mapper.toApi(views.load(ids, viewer, StatusViews.Mode.SHOW, null)));
    }

    public void destroy(Context ctx) {
        var caller = auth.user(ctx, "write:statuses");
        ctx.json(mapper.toApiWithSource(delete.delete(caller.accountId(), AccountsHandler.pathId(ctx))));
    }

    static Long parse(String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package social.starling.api.mastodon.v1.statuses;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.convert.StatusEditApiMapper;
import social.starling.service.oauth.Caller;
import social.starling.service.status.EditStatusService;
import social.starling.service.status.PostStatusService;
import social.starling.service.status.StatusHistoryService;
import social.starling.service.status.StatusViews;

/**
 * {@code PUT /api/v1/statuses/:id} (edit), {@code GET /api/v1/statuses/:id/history} (every revision, public) and
 * {@code GET /api/v1/statuses/:id/source} (the text as typed, for whoever may see the status).
 */
public final class StatusEditsHandler {
    private final ApiAuth auth;
    private final EditStatusService edit;
    private final StatusHistoryService history;
    private final StatusViews views;
    private final StatusApiMapper statusApi;
    private final StatusEditApiMapper editApi;
    private final ObjectMapper json;

    public StatusEditsHandler(ApiAuth auth, EditStatusService edit, StatusHistoryService history, StatusViews views,
                              StatusApiMapper statusApi, StatusEditApiMapper editApi, ObjectMapper json) {
        this.auth = auth;
        this.edit = edit;
        this.history = history;
        this.views = views;
        this.statusApi = statusApi;
        this.editApi = editApi;
        this.json = json;
    }

    public void update(Context ctx) {
        Caller caller = auth.user(ctx, "write:statuses");
        long id = AccountsHandler.pathId(ctx);
        Params p = Params.of(ctx, json);
        PostStatusService.PollRequest poll = p.object("poll").map(o -> new PostStatusService.PollRequest(
                o.strings("options"), o.intValue("expires_in").orElse(null), o.bool("multiple", false),
                o.bool("hide_totals", false))).orElse(null);
        edit.edit(caller.accountId(), id, new EditStatusService.Request(p.string("status").orElse(""),
                p.string("spoiler_text").orElse(""), p.bool("sensitive").orElse(null),
                p.string("language").orElse(null), poll, p.has("media_ids") ? p.strings("media_ids") : null,
                p.string("quote_approval_policy").filter(v -> !v.isBlank()).orElse(null), mediaAttributes(p)));
        ctx.json(statusApi.toApi(views.one(id, caller.accountId()).orElseThrow()));
    }

    /** {@code media_attributes[]}: objects with id, description and focus (JSON, or Rack's bracket form). */
    private static java.util.List<EditStatusService.MediaAttribute> mediaAttributes(Params p) {
        var node = p.node() == null ? null : p.node().get("media_attributes");
        java.util.List<EditStatusService.MediaAttribute> out = new java.util.ArrayList<>();
        if (node == null) {
            return out;
        }
        java.util.List<com.fasterxml.jackson.databind.JsonNode> items = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject()) {
            node.forEach(items::add); // media_attributes[0][id]=... arrives as an object keyed by index
        }
        for (var item : items) {
            if (item.isObject() && item.hasNonNull("id")) {
                out.add(new EditStatusService.MediaAttribute(item.get("id").asText(),
                        item.hasNonNull("description") ? item.get("description").asText() : null,
                        item.hasNonNull("focus") ? item.get("focus").asText() : null));
            }
        }
        return out;
    }

    public void history(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(Caller::accountId).orElse(null);
        ctx.json(editApi.toApi(history.history(AccountsHandler.pathId(ctx), viewer)));
    }

    public void source(Context ctx) {
        auth.app(ctx, "read:statuses");
        Long viewer = auth.optionalUser(ctx).map(Caller::accountId).orElse(null);
        ctx.json(editApi.source(history.source(viewer, AccountsHandler.pathId(ctx))));
    }
}

package social.starling.api.mastodon.v1.polls;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.convert.StatusApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.model.view.StatusView;
import social.starling.service.oauth.Caller;
import social.starling.service.poll.VoteService;
import social.starling.service.status.StatusViews;

/** {@code GET /api/v1/polls/:id} (public when its status is visible) and {@code POST /api/v1/polls/:id/votes}. */
public final class PollsHandler {
    private final ApiAuth auth;
    private final VoteService votes;
    private final StatusViews views;
    private final StatusApiMapper mapper;
    private final ObjectMapper json;

    public PollsHandler(ApiAuth auth, VoteService votes, StatusViews views, StatusApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.votes = votes;
        this.views = views;
        this.mapper = mapper;
        this.json = json;
    }

    public void show(Context ctx) {
        Long viewer = auth.optionalUser(ctx).map(Caller::accountId).orElse(null);
        long statusId = votes.visiblePoll(AccountsHandler.pathId(ctx), viewer).statusId();
        render(ctx, statusId, viewer);
    }

    public void vote(Context ctx) {
        Caller caller = auth.user(ctx, "write:statuses");
        long statusId = votes.vote(caller.accountId(), AccountsHandler.pathId(ctx),
                Params.of(ctx, json).strings("choices"));
        render(ctx, statusId, caller.accountId());
    }

    private void render(Context ctx, long statusId, Long viewer) {
        StatusView.PollView poll = views.one(statusId, viewer).map(StatusView::poll)
                .orElseThrow(() -> new NotFoundException("Record not found"));
        ctx.json(mapper.poll(poll));
    }
}

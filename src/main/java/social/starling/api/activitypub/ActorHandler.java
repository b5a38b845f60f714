package social.starling.api.activitypub;

import io.javalin.http.Context;
import social.starling.convert.ActorMapper;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.service.federation.LocalActorService;

/**
 * Actors: {@code GET /users/{name}} and {@code /@{name}} for ActivityPub clients, {@code GET /actor} (the instance
 * actor). Browsers asking for {@code /users/{name}} are sent to the profile page, as Mastodon sends them.
 * Unknown, unconfirmed, unapproved and suspended accounts are 404 (Mastodon serves a suspended account as a
 * minimal actor with {@code suspended: true}, or 410 once the suspension is final; Starling does neither yet).
 */
public final class ActorHandler {
    private final LocalActorService actors;
    private final ActorMapper mapper;

    public ActorHandler(LocalActorService actors, ActorMapper mapper) {
        this.actors = actors;
        this.mapper = mapper;
    }

    public void actor(Context ctx) {
        Account account = actors.require(ctx.pathParam("name"));
        ActivityJson.render(ctx, mapper.toActor(account), true);
    }

    /** {@code /users/{name}} for a browser: 302 to {@code /@name}. */
    public void toProfile(Context ctx) {
        Account account = actors.find(ctx.pathParam("name"))
                .orElseThrow(() -> new NotFoundException("Record not found"));
        ctx.redirect("/@" + account.username(), io.javalin.http.HttpStatus.FOUND);
    }

    public void instanceActor(Context ctx) {
        ActivityJson.render(ctx, mapper.toInstanceActor(actors.instanceActor()), true);
    }

    /** {@code /actor} for a browser: the instance actor has no page of its own; the about page says who runs it. */
    public void instanceActorPage(Context ctx) {
        ctx.redirect("/about", io.javalin.http.HttpStatus.FOUND);
    }
}

package social.starling.api.activitypub;

import io.javalin.http.Context;
import java.util.List;
import social.starling.convert.ActorMapper;
import social.starling.convert.CollectionMapper;
import social.starling.federation.vocab.As2;
import social.starling.federation.vocab.Collection;
import social.starling.model.Account;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.Paged;
import social.starling.service.federation.ActorCollectionsService;
import social.starling.service.federation.LocalActorService;

/**
 * A local actor's collections: {@code outbox}, {@code followers}, {@code following},
 * {@code collections/featured} (pinned statuses) and {@code collections/tags} (featured hashtags).
 * Without {@code ?page=true} the collection names its size and first page; with it, a page of 20.
 */
public final class CollectionsHandler {
    private final LocalActorService actors;
    private final ActorCollectionsService service;
    private final CollectionMapper mapper;
    private final ActorMapper actorMapper;
    private final String baseUrl;
    private final SignedFetch signed;

    public CollectionsHandler(LocalActorService actors, ActorCollectionsService service, CollectionMapper mapper,
                              ActorMapper actorMapper, String baseUrl, SignedFetch signed) {
        this.signed = signed;
        this.actors = actors;
        this.service = service;
        this.mapper = mapper;
        this.actorMapper = actorMapper;
        this.baseUrl = baseUrl;
    }

    public void outbox(Context ctx) {
        Account actor = actor(ctx);
        if (!ActivityJson.pageRequested(ctx)) {
            ActivityJson.render(ctx, mapper.outbox(actor), true);
            return;
        }
        var params = ActivityJson.params(ctx);
        // A signer the owner blocks sees no items (Mastodon's AccountStatusesFilter).
        Paged<LocalPost> page = signed.refused(ctx, actor.id()) ? Paged.empty()
                : service.outbox(actor, ActivityJson.page(params));
        ActivityJson.render(ctx, mapper.outboxPage(actor, params, page), false);
    }

    public void followers(Context ctx) {
        follows(ctx, true);
    }

    public void following(Context ctx) {
        follows(ctx, false);
    }

    private void follows(Context ctx, boolean followers) {
        Account actor = actor(ctx);
        if (!ActivityJson.pageRequested(ctx)) {
            ActivityJson.render(ctx, mapper.follows(actor, followers), true);
            return;
        }
        var params = ActivityJson.params(ctx);
        var page = ActivityJson.page(params);
        ActivityJson.render(ctx, mapper.followsPage(actor, followers, params,
                followers ? service.followers(actor, page) : service.following(actor, page)), false);
    }

    public void featured(Context ctx) {
        Account actor = actor(ctx);
        // A signer the owner blocks sees no items (Mastodon's ActivityPub::CollectionsController).
        ActivityJson.render(ctx, mapper.featured(actor, signed.refused(ctx, actor.id()) ? List.of()
                : service.featured(actor)), true);
    }

    public void featuredTags(Context ctx) {
        Account actor = actor(ctx);
        ActivityJson.render(ctx, mapper.featuredTags(actorMapper.featuredTags(actor.username()),
                actor.url() != null ? actor.url() : actor.uri(), service.featuredTags(actor)), true);
    }

    /** The instance actor's outbox: it posts nothing. */
    public void instanceActorOutbox(Context ctx) {
        ActivityJson.render(ctx, new Collection(As2.CONTEXT, baseUrl + "/actor/outbox", "OrderedCollection", 0,
                null, null, null, null, null, null, List.of()), true);
    }

    private Account actor(Context ctx) {
        return actors.find(ctx.pathParam("name"))
                .orElseThrow(() -> new social.starling.errors.NotFoundException("Record not found"));
    }
}

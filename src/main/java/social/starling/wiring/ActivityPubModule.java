package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.activitypub.ActorHandler;
import social.starling.api.activitypub.CollectionsHandler;
import social.starling.api.activitypub.QuoteAuthorizationHandler;
import social.starling.api.activitypub.SignedFetch;
import social.starling.api.activitypub.StatusHandler;
import social.starling.api.web.ProfilePageHandler;
import social.starling.api.wellknown.WebFingerHandler;
import social.starling.convert.ActivityMapper;
import social.starling.convert.ActorMapper;
import social.starling.convert.CollectionMapper;
import social.starling.convert.NoteMapper;
import social.starling.convert.QuoteActivityMapper;
import social.starling.convert.WebFingerMapper;
import social.starling.service.federation.SignedFetchPolicy;
import social.starling.service.status.QuoteAuthorizationService;

/**
 * The "serve" half of federation: WebFinger, actors, notes and the activities that made them, and the actors'
 * collections, so that other servers can find and read local members. Actor and status URLs are shared with
 * browsers ({@link RouteTable#negotiated}): ActivityPub clients get AS2 JSON, browsers a page or a redirect to one.
 */
public final class ActivityPubModule implements Module {
    private final WebFingerHandler webFinger;
    private final ActorHandler actors;
    private final StatusHandler statuses;
    private final CollectionsHandler collections;
    private final ProfilePageHandler pages;
    private final QuoteAuthorizationHandler quoteAuthorizations;

    private final SignedFetch signed;

    public ActivityPubModule(Core core, Repositories repos, AccountComponents accounts,
                             RemoteAccountComponents remote, StatusComponents statusComponents,
                             GraphComponents graph, Edges edges) {
        FederationComponents federation = FederationComponents.build(core, repos, accounts);
        this.signed = new SignedFetch(core.config().federation().authorizedFetch(), remote.verifier(),
                new SignedFetchPolicy(core.db(), repos.accounts(), repos.relationships(), core.clock()),
                core.baseUrl());
        var uris = core.uris();
        var actorMapper = new ActorMapper(uris, core.domain());
        var noteMapper = new NoteMapper(uris, core.media()::url);
        var activityMapper = new ActivityMapper(uris, noteMapper);
        var collectionMapper = new CollectionMapper(uris, noteMapper, activityMapper);
        this.webFinger = new WebFingerHandler(federation.actors(), new WebFingerMapper(uris, core.domain()),
                core.baseUrl(), core.domain(), core.config().server().host());
        this.actors = new ActorHandler(federation.actors(), actorMapper);
        this.statuses = new StatusHandler(federation.objects(), noteMapper, activityMapper, collectionMapper,
                signed);
        this.collections = new CollectionsHandler(federation.actors(), federation.collections(), collectionMapper,
                actorMapper, core.baseUrl(), signed);
        this.quoteAuthorizations = new QuoteAuthorizationHandler(new QuoteAuthorizationService(core.db(),
                repos.quotes(), repos.statuses(), repos.accounts()), new QuoteActivityMapper(uris), signed);
        this.pages = new ProfilePageHandler(core.config(), accounts.instance(), accounts.sessions(),
                federation.actors(), federation.objects(), uris, statusComponents.accountStatuses(),
                graph.tagTimeline(), edges.statusApi().media(), accounts.queries());
    }

    /** With authorized fetch on, every ActivityPub GET but WebFinger and the instance actor needs a signature. */
    @Override
    public void routes(RouteTable routes) {
        routes.activityPub()
                .get("/.well-known/webfinger", webFinger::handle)
                .get("/actor/outbox", signed.require(collections::instanceActorOutbox))
                .get("/users/{name}/statuses/{id}/activity", signed.require(statuses::activity))
                .get("/users/{name}/statuses/{id}/replies", signed.require(statuses::replies))
                .get("/users/{name}/statuses/{id}/likes", signed.require(statuses::likes))
                .get("/users/{name}/statuses/{id}/shares", signed.require(statuses::shares))
                .get("/users/{name}/outbox", signed.require(collections::outbox))
                .get("/users/{name}/followers", signed.require(collections::followers))
                .get("/users/{name}/following", signed.require(collections::following))
                .get("/users/{name}/collections/featured", signed.require(collections::featured))
                .get("/users/{name}/collections/tags", signed.require(collections::featuredTags))
                .get("/users/{name}/quote_authorizations/{id}", signed.require(quoteAuthorizations::show));
        routes.negotiated("/actor", actors::instanceActorPage, actors::instanceActor);
        routes.negotiated("/users/{name}", actors::toProfile, signed.require(actors::actor));
        // /@name.rss is the profile's RSS feed whatever the Accept (Javalin reads "name.rss" as the name).
        var actor = signed.require(actors::actor);
        routes.negotiated("/@{name}", pages::profile,
                ctx -> {
                    if (ProfilePageHandler.isFeed(ctx)) {
                        pages.profile(ctx);
                    } else {
                        actor.handle(ctx);
                    }
                });
        routes.negotiated("/users/{name}/statuses/{id}", statuses::toPage, signed.require(statuses::note));
        routes.negotiated("/@{name}/{id}", pages::status, signed.require(statuses::note));
        routes.web().get("/tags/{name}", pages::tag);
    }
}

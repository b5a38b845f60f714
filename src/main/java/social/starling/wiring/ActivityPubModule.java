package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.activitypub.ActorHandler;
import social.starling.api.activitypub.CollectionsHandler;
import social.starling.api.activitypub.StatusHandler;
import social.starling.api.web.ProfilePageHandler;
import social.starling.api.wellknown.WebFingerHandler;
import social.starling.convert.ActivityMapper;
import social.starling.convert.ActorMapper;
import social.starling.convert.CollectionMapper;
import social.starling.convert.NoteMapper;
import social.starling.convert.WebFingerMapper;

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

    public ActivityPubModule(Core core, Repositories repos, AccountComponents accounts) {
        FederationComponents federation = FederationComponents.build(core, repos, accounts);
        var uris = core.uris();
        var actorMapper = new ActorMapper(uris, core.domain());
        var noteMapper = new NoteMapper(uris);
        var activityMapper = new ActivityMapper(uris, noteMapper);
        var collectionMapper = new CollectionMapper(uris, noteMapper, activityMapper);
        this.webFinger = new WebFingerHandler(federation.actors(), new WebFingerMapper(uris, core.domain()),
                core.baseUrl(), core.domain(), core.config().server().host());
        this.actors = new ActorHandler(federation.actors(), actorMapper);
        this.statuses = new StatusHandler(federation.objects(), noteMapper, activityMapper, collectionMapper);
        this.collections = new CollectionsHandler(federation.actors(), federation.collections(), collectionMapper,
                actorMapper, core.baseUrl());
        this.pages = new ProfilePageHandler(core.config(), accounts.instance(), accounts.sessions(),
                federation.actors(), federation.objects(), uris);
    }

    @Override
    public void routes(RouteTable routes) {
        routes.activityPub()
                .get("/.well-known/webfinger", webFinger::handle)
                .get("/actor/outbox", collections::instanceActorOutbox)
                .get("/users/{name}/statuses/{id}/activity", statuses::activity)
                .get("/users/{name}/statuses/{id}/replies", statuses::replies)
                .get("/users/{name}/statuses/{id}/likes", statuses::likes)
                .get("/users/{name}/statuses/{id}/shares", statuses::shares)
                .get("/users/{name}/outbox", collections::outbox)
                .get("/users/{name}/followers", collections::followers)
                .get("/users/{name}/following", collections::following)
                .get("/users/{name}/collections/featured", collections::featured)
                .get("/users/{name}/collections/tags", collections::featuredTags);
        routes.negotiated("/actor", actors::instanceActorPage, actors::instanceActor);
        routes.negotiated("/users/{name}", actors::toProfile, actors::actor);
        routes.negotiated("/@{name}", pages::profile, actors::actor);
        routes.negotiated("/users/{name}/statuses/{id}", statuses::toPage, statuses::note);
        routes.negotiated("/@{name}/{id}", pages::status, statuses::note);
    }
}

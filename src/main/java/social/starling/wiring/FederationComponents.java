package social.starling.wiring;

import social.starling.db.FederationRepository;
import social.starling.service.federation.ActorCollectionsService;
import social.starling.service.federation.LocalActorService;
import social.starling.service.federation.LocalObjectService;
import social.starling.service.federation.LocalPostLoader;

/** Serving local actors and objects to other servers: who may be seen, their statuses and collections. */
public record FederationComponents(FederationRepository repository, LocalActorService actors,
                                   LocalPostLoader posts, LocalObjectService objects,
                                   ActorCollectionsService collections) {

    public static FederationComponents build(Core core, Repositories repos, AccountComponents accounts) {
        var db = core.db();
        var repository = new FederationRepository();
        var actors = new LocalActorService(db, repos.accounts(), repos.users(), accounts.generateKeys(),
                core.baseUrl());
        var posts = new LocalPostLoader(repos.statuses(), repos.accounts(), repos.tags(), repos.polls(), repository,
                repos.quotes(), repos.media(), core.domain(), core.clock());
        return new FederationComponents(repository, actors, posts,
                new LocalObjectService(db, repos.statuses(), repository, actors, posts),
                new ActorCollectionsService(db, repos.accountStatuses(), repos.statuses(), repos.graphPages(),
                        repos.accounts(), posts, new social.starling.db.FeaturedTagRepository()));
    }
}

package social.starling.wiring;

import social.starling.federation.ActorFetcher;
import social.starling.federation.fetch.FetchSettings;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.fetch.WebFingerClient;
import social.starling.service.account.ResolveAccountService;

/**
 * Remote accounts: the outbound client (SSRF-guarded, closed with the App), WebFinger, the actor reader behind the
 * {@link social.starling.service.account.RemoteActors} port, and the use case that resolves handles and URLs.
 */
public record RemoteAccountComponents(RemoteFetcher fetcher, WebFingerClient webFinger,
                                      ResolveAccountService resolve) implements AutoCloseable {

    public static RemoteAccountComponents build(Core core, Repositories repos, AccountComponents accounts) {
        var fetcher = new RemoteFetcher(FetchSettings.from(core.config()));
        var webFinger = new WebFingerClient(fetcher, core.config().federation().allowPrivate());
        var actors = new ActorFetcher(fetcher, webFinger, core.clock());
        return new RemoteAccountComponents(fetcher, webFinger,
                new ResolveAccountService(core.db(), repos.accounts(), accounts.writer(), accounts.queries(), actors,
                        core.ids(), core.domain(), core.clock()));
    }

    @Override
    public void close() {
        fetcher.close();
    }
}

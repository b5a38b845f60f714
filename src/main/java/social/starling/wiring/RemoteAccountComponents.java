package social.starling.wiring;

import social.starling.federation.ActorFetcher;
import social.starling.federation.InstanceActorSigner;
import social.starling.federation.fetch.FetchSettings;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.fetch.WebFingerClient;
import social.starling.federation.inbox.ActorKeyResolver;
import social.starling.federation.inbox.Origins;
import social.starling.federation.signature.HttpSigner;
import social.starling.federation.signature.KeyCache;
import social.starling.federation.signature.SignatureVerifier;
import social.starling.service.account.RefreshRemoteAccountService;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.moderation.DomainPolicy;

/**
 * Remote accounts: the outbound client (SSRF-guarded, closed with the App), WebFinger, the actor reader behind the
 * {@link social.starling.service.account.RemoteActors} port, and the use case that resolves handles and URLs.
 * Also what every signed exchange needs: {@code instanceSigner} signs the server's own fetches as the instance
 * actor, {@code verifier} checks inbound signatures with keys found through the stored (or fetched) actors.
 * {@code fetcher} refuses domains the server's {@link DomainPolicy} refuses; {@code unguardedFetcher} (the same
 * client) is for Web Push.
 */
public record RemoteAccountComponents(RemoteFetcher fetcher, RemoteFetcher unguardedFetcher, WebFingerClient webFinger,
                                      ResolveAccountService resolve, InstanceActorSigner instanceSigner,
                                      SignatureVerifier verifier, RefreshRemoteAccountService refresh)
        implements AutoCloseable {

    public static RemoteAccountComponents build(Core core, Repositories repos, AccountComponents accounts,
                                                DomainPolicy policy) {
        // Federation's requests obey the domain policy (nothing to or from a suspended or not-allowed domain);
        // Web Push talks to push services through the same client without it.
        var unguarded = new RemoteFetcher(FetchSettings.from(core.config()));
        var fetcher = unguarded.guarded(uri -> policy.refusesUrl(uri.toString()));
        var webFinger = new WebFingerClient(fetcher, core.config().federation().allowPrivate());
        var signer = new InstanceActorSigner(core.db(), repos.accounts(), accounts.instanceActor(),
                accounts.generateKeys(), new HttpSigner(core.clock()));
        var actors = new ActorFetcher(fetcher, webFinger, signer, core.clock());
        var resolve = new ResolveAccountService(core.db(), repos.accounts(), accounts.writer(), accounts.queries(),
                actors, core.ids(), core.domain(), core.clock(), policy::refuses);
        // Keys are kept in memory for a day (KeyCache); one that fails to verify is asked of its origin again.
        var verifier = new SignatureVerifier(new KeyCache(new ActorKeyResolver(core.db(), repos.accounts(),
                accounts.writer(), resolve, actors, fetcher, signer, new Origins(core.baseUrl()), core.clock()),
                core.clock()), core.clock());
        var refresh = new RefreshRemoteAccountService(core.db(), repos.accounts(), core.jobs(), resolve,
                core.clock());
        return new RemoteAccountComponents(fetcher, unguarded, webFinger, resolve, signer, verifier, refresh);
    }

    @Override
    public void close() {
        unguardedFetcher.close();
    }
}

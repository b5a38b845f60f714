package social.starling.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.FetchedJson;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.fetch.RequestSigner;
import social.starling.federation.fetch.WebFingerClient;
import social.starling.model.Account;
import social.starling.service.account.RemoteActors;

/**
 * {@link RemoteActors} over the network: WebFinger through {@link WebFingerClient}, actor documents through
 * {@link RemoteFetcher} (origin-checked ids) read by {@link ActorReader}. Failures are empty, logged at debug:
 * a handle someone typed that does not resolve is normal.
 */
public final class ActorFetcher implements RemoteActors {
    private static final Logger log = LoggerFactory.getLogger(ActorFetcher.class);

    private final RemoteFetcher fetcher;
    private final WebFingerClient webFinger;
    private final RequestSigner signer;
    private final Clock clock;

    /** @param signer signs each actor fetch (the instance actor; WebFinger stays unsigned, as Mastodon's) */
    public ActorFetcher(RemoteFetcher fetcher, WebFingerClient webFinger, RequestSigner signer, Clock clock) {
        this.fetcher = fetcher;
        this.webFinger = webFinger;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public Optional<Finger> finger(String user, String host) {
        try {
            WebFingerClient.Result result = webFinger.resolve(user, host);
            return Optional.of(new Finger(result.subject(), result.actorId().toString()));
        } catch (FetchException e) {
            log.debug("WebFinger {}@{} failed: {} ({})", user, host, e.getMessage(), e.reason());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Account> fetch(String url, boolean anyUrl) {
        try {
            URI uri = new URI(url);
            FetchedJson document = anyUrl ? fetcher.getJsonByAnyUrl(uri, signer) : fetcher.getJson(uri, signer);
            return Optional.of(ActorReader.read(document.document(), clock.instant()));
        } catch (URISyntaxException e) {
            log.debug("not a URL: {}", url);
        } catch (FetchException e) {
            log.debug("fetching the actor {} failed: {} ({})", url, e.getMessage(), e.reason());
        } catch (ActorReader.InvalidActorException e) {
            log.debug("the document at {} is refused: {}", url, e.getMessage());
        }
        return Optional.empty();
    }
}

package social.starling.federation;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.WebFingerClient;
import social.starling.service.account.RemoteInteractionService;

/**
 * {@link RemoteInteractionService.Templates} over the network: the subscribe template of a WebFinger answer,
 * through {@link WebFingerClient} (so the SSRF guard, the domain policy, timeouts and size limits apply).
 */
public final class SubscribeTemplates implements RemoteInteractionService.Templates {
    private static final Logger log = LoggerFactory.getLogger(SubscribeTemplates.class);

    private final WebFingerClient webFinger;

    public SubscribeTemplates(WebFingerClient webFinger) {
        this.webFinger = webFinger;
    }

    @Override
    public Optional<String> subscribeTemplate(String user, String host) throws RemoteInteractionService.Unreachable {
        try {
            return webFinger.subscribeTemplate(user, host);
        } catch (FetchException e) {
            log.debug("WebFinger {}@{} for remote interaction failed: {} ({})", user, host, e.getMessage(),
                    e.reason());
            throw new RemoteInteractionService.Unreachable(e.getMessage());
        }
    }
}

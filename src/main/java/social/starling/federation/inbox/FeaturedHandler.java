package social.starling.federation.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Add} and {@code Remove} (Mastodon sends them when someone pins or unpins a status, with the actor's
 * {@code featured} collection as {@code target}). Accepted and ignored: Starling does not keep remote accounts'
 * pinned statuses yet, so there is nothing to update; profiles of remote accounts show no pins.
 */
public final class FeaturedHandler implements ActivityHandler {
    private static final Logger log = LoggerFactory.getLogger(FeaturedHandler.class);

    @Override
    public void handle(Inbound a) {
        log.debug("{} of {} to a featured collection from {}: remote pins are not kept", a.type(),
                a.objectId().orElse("(nothing)"), a.actor().uri());
    }
}

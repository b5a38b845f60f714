package social.starling.convert;

import java.util.List;
import social.starling.federation.vocab.Jrd;
import social.starling.model.Account;
import social.starling.model.LocalUris;

/** Local actors → WebFinger answers, as Mastodon's WebfingerSerializer. */
public final class WebFingerMapper {
    private static final String ACTIVITY_JSON = "application/activity+json";

    private final LocalUris uris;
    private final String domain;

    /** {@code domain} is the server's domain as configured (with its port if it has one): the part after the @. */
    public WebFingerMapper(LocalUris uris, String domain) {
        this.uris = uris;
        this.domain = domain;
    }

    public Jrd forAccount(Account a) {
        String profile = uris.profile(a.username());
        String actor = uris.actor(a.username());
        return new Jrd("acct:" + a.username() + "@" + domain, List.of(profile, actor), List.of(
                new Jrd.Link(Jrd.PROFILE_PAGE, "text/html", profile, null),
                new Jrd.Link("self", ACTIVITY_JSON, actor, null),
                new Jrd.Link(Jrd.SUBSCRIBE, null, null, uris.baseUrl() + "/authorize_interaction?uri={uri}")));
    }

    /** The instance actor: {@code acct:<domain>@<domain>}. */
    public Jrd forInstanceActor() {
        String actor = uris.baseUrl() + "/actor";
        return new Jrd("acct:" + domain + "@" + domain, List.of(actor), List.of(
                new Jrd.Link(Jrd.PROFILE_PAGE, "text/html", uris.baseUrl() + "/about/more?instance_actor=true", null),
                new Jrd.Link("self", ACTIVITY_JSON, actor, null)));
    }
}

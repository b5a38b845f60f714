package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A WebFinger answer (RFC 7033 JSON Resource Descriptor, {@code application/jrd+json}) as Mastodon's
 * WebfingerSerializer writes it: subject, aliases, links. Not ActivityStreams, but the door to it: its {@code self}
 * link names the actor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Jrd(String subject, List<String> aliases, List<Link> links) {
    public static final String PROFILE_PAGE = "http://webfinger.net/rel/profile-page";
    public static final String SUBSCRIBE = "http://ostatus.org/schema/1.0/subscribe";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String rel, String type, String href, String template) {
    }
}

package social.starling.federation.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import social.starling.config.Cidr;
import social.starling.federation.fetch.FetchException.Reason;
import social.starling.federation.vocab.Jrd;

/**
 * WebFinger (RFC 7033) as Mastodon uses it: {@code user@host} → the actor's id, through {@link RemoteFetcher}, so
 * the SSRF guard, timeouts and size limits apply.
 *
 * <p><b>Scheme.</b> https, always, except for a host that development and tests have explicitly opened: plain http
 * is used when the host is an IP literal inside {@code STARLING_FEDERATION_ALLOW_PRIVATE}, or {@code localhost} /
 * {@code *.localhost} while the allowed ranges include 127.0.0.1 or ::1. The rule looks only at the host name
 * and the configuration, never at DNS, and there is no https → http fallback: a public host is never asked over
 * http, and a refused host (outside the allowed ranges) is asked over https and refused before any connection.
 *
 * <p><b>Answer.</b> The JRD's {@code self} link whose type is {@code application/activity+json} or
 * {@code application/ld+json; profile="https://www.w3.org/ns/activitystreams"} (any spacing or quoting of the
 * profile), and the {@code subject} (the canonical {@code acct:} handle, which may differ from the one asked for).
 */
public final class WebFingerClient {
    public static final String ACCEPT = "application/jrd+json, application/json";
    static final int MAX_BYTES = 64 * 1024;
    private static final Pattern LD_JSON_AS = Pattern.compile(
            "application/ld\\+json\\s*;\\s*profile\\s*=\\s*\"?https://www\\.w3\\.org/ns/activitystreams\"?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST = Pattern.compile("[a-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9a-f:.]+](:[0-9]{1,5})?",
            Pattern.CASE_INSENSITIVE);

    /**
     * What WebFinger said.
     *
     * @param subject the canonical {@code user@host} (without {@code acct:}), or the handle asked for when the
     *                subject is missing or not an {@code acct:} URI
     * @param actorId the {@code self} link's href
     */
    public record Result(String subject, URI actorId) {
    }

    private final RemoteFetcher fetcher;
    private final List<Cidr> plainHttp;
    private final ObjectMapper json;

    /** {@code allowPrivate}: the configured STARLING_FEDERATION_ALLOW_PRIVATE ranges (hosts there use http). */
    public WebFingerClient(RemoteFetcher fetcher, List<Cidr> allowPrivate) {
        this.fetcher = fetcher;
        this.plainHttp = List.copyOf(allowPrivate);
        this.json = RemoteFetcher.jsonMapper(MAX_BYTES);
    }

    /** Looks up {@code user@host} ({@code host} may carry a port). */
    public Result resolve(String user, String host) throws FetchException {
        String h = host.toLowerCase(Locale.ROOT);
        String handle = user + "@" + h;
        JsonNode jrd = jrd(user, h);
        URI actor = selfLink(jrd).orElseThrow(() -> new FetchException(Reason.INVALID_JSON,
                "no ActivityPub actor in the WebFinger answer for " + handle));
        String subject = jrd.path("subject").asText("");
        String canonical = subject.regionMatches(true, 0, "acct:", 0, 5) && subject.indexOf('@') > 5
                ? subject.substring(5) : handle;
        return new Result(canonical, actor);
    }

    /**
     * The remote-interaction template of {@code user@host}: the {@code template} of the JRD's
     * {@code http://ostatus.org/schema/1.0/subscribe} link (Mastodon's {@code /authorize_interaction?uri={uri}}),
     * when it is an absolute http(s) URL holding {@code {uri}}; empty when the answer has none.
     */
    public Optional<String> subscribeTemplate(String user, String host) throws FetchException {
        for (JsonNode link : jrd(user, host.toLowerCase(Locale.ROOT)).path("links")) {
            if (!Jrd.SUBSCRIBE.equals(link.path("rel").asText()) || !link.path("template").isTextual()) {
                continue;
            }
            String template = link.path("template").asText().strip();
            String scheme = template.length() > 8 ? template.substring(0, 8).toLowerCase(Locale.ROOT) : "";
            if ((scheme.startsWith("https://") || scheme.startsWith("http://")) && template.contains("{uri}")) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /** The JRD of {@code user@h} ({@code h} in lower case), through the guarded fetcher. */
    private JsonNode jrd(String user, String h) throws FetchException {
        if (user.isEmpty() || !HOST.matcher(h).matches()) {
            throw new FetchException(Reason.BAD_URL, "not a handle: " + user + "@" + h);
        }
        String handle = user + "@" + h;
        URI uri;
        try {
            uri = new URI(scheme(h) + "://" + h + "/.well-known/webfinger?resource="
                    + URLEncoder.encode("acct:" + handle, StandardCharsets.UTF_8));
        } catch (URISyntaxException e) {
            throw new FetchException(Reason.BAD_URL, "not a handle: " + handle);
        }
        FetchedResponse response = fetcher.get(uri, ACCEPT, MAX_BYTES, RequestSigner.NONE);
        JsonNode jrd;
        try {
            jrd = json.readTree(response.body());
        } catch (IOException e) {
            throw new FetchException(Reason.INVALID_JSON, "invalid WebFinger answer from " + h);
        }
        if (jrd == null || !jrd.isObject()) {
            throw new FetchException(Reason.INVALID_JSON, "invalid WebFinger answer from " + h);
        }
        return jrd;
    }

    /** The URL scheme for WebFinger at {@code host} (see the class comment). */
    String scheme(String host) {
        String name = host;
        if (name.startsWith("[")) {
            name = name.substring(1, name.indexOf(']'));
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (plainHttp.isEmpty()) {
            return "https";
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return ipLiteral("127.0.0.1").filter(this::allowed).or(() -> ipLiteral("::1").filter(this::allowed))
                    .isPresent() ? "http" : "https";
        }
        return ipLiteral(name).filter(this::allowed).isPresent() ? "http" : "https";
    }

    private boolean allowed(InetAddress address) {
        return plainHttp.stream().anyMatch(range -> range.contains(address));
    }

    /** An IPv4 dotted quad or an IPv6 literal, parsed without any DNS lookup; empty for a name. */
    private static Optional<InetAddress> ipLiteral(String name) {
        boolean v4 = name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = name.indexOf(':') >= 0 && name.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(name));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> selfLink(JsonNode jrd) {
        for (JsonNode link : jrd.path("links")) {
            if (!"self".equals(link.path("rel").asText()) || !link.path("href").isTextual()) {
                continue;
            }
            String type = link.path("type").asText("").strip();
            if (!type.equalsIgnoreCase("application/activity+json") && !LD_JSON_AS.matcher(type).matches()) {
                continue;
            }
            try {
                URI href = new URI(link.path("href").asText());
                String scheme = href.getScheme() == null ? "" : href.getScheme().toLowerCase(Locale.ROOT);
                if (href.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && href.getHost() != null) {
                    return Optional.of(href);
                }
            } catch (URISyntaxException e) {
                // try the next link
            }
        }
        return Optional.empty();
    }
}

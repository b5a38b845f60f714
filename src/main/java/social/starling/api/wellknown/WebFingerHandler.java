package social.starling.api.wellknown;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import social.starling.convert.WebFingerMapper;
import social.starling.errors.BadRequestException;
import social.starling.errors.NotFoundException;
import social.starling.federation.vocab.As2;
import social.starling.federation.vocab.Jrd;
import social.starling.service.federation.LocalActorService;

/**
 * {@code GET /.well-known/webfinger?resource=...} (RFC 7033), as Mastodon's WebfingerController answers it. The
 * resource may be {@code acct:user@domain} (also without {@code acct:}), or the actor's or profile's URL
 * ({@code <base>/users/user}, {@code <base>/@user}); {@code acct:<domain>@<domain>} and {@code <base>/actor} name the
 * instance actor. {@code domain} is the configured one, port included (Fedify and Mastodon send
 * {@code acct:alice@localhost:8080}); the host without the port is accepted too. Missing or malformed resource: 400;
 * another domain, an unknown, unconfirmed or suspended account: 404 (Mastodon answers 410 for an account suspended
 * for good). CORS headers come from {@code api/Cors} (every {@code /.well-known/} path).
 */
public final class WebFingerHandler {
    private final LocalActorService actors;
    private final WebFingerMapper mapper;
    private final URI base;
    private final String domain;
    private final String host;

    public WebFingerHandler(LocalActorService actors, WebFingerMapper mapper, String baseUrl, String domain,
                            String host) {
        this.actors = actors;
        this.mapper = mapper;
        this.base = URI.create(baseUrl);
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.host = host.toLowerCase(Locale.ROOT);
    }

    public void handle(Context ctx) {
        String resource = ctx.queryParam("resource");
        if (resource == null || resource.isBlank()) {
            throw new BadRequestException("resource is missing");
        }
        Jrd jrd;
        try {
            jrd = answer(resource.trim());
        } catch (NotFoundException e) {
            ctx.header("Cache-Control", "max-age=180, public");
            throw e;
        }
        // Mastodon: expires_in 3.days, public: true.
        ctx.header("Cache-Control", "max-age=259200, public");
        ctx.contentType(As2.JRD_CONTENT_TYPE).result(As2.write(jrd));
    }

    private Jrd answer(String resource) {
        String username = resource.regionMatches(true, 0, "http://", 0, 7)
                || resource.regionMatches(true, 0, "https://", 0, 8) ? fromUrl(resource) : fromAcct(resource);
        if (username == null) {
            actors.instanceActor();
            return mapper.forInstanceActor();
        }
        return mapper.forAccount(actors.find(username)
                .orElseThrow(() -> new NotFoundException("Record not found")));
    }

    /** The username in {@code acct:user@domain}; null for the instance actor. */
    private String fromAcct(String resource) {
        String acct = resource.regionMatches(true, 0, "acct:", 0, 5) ? resource.substring(5) : resource;
        if (acct.startsWith("@")) {
            acct = acct.substring(1);
        }
        int at = acct.lastIndexOf('@');
        if (at <= 0 || at == acct.length() - 1) {
            throw new BadRequestException("resource must be acct:user@domain or a URL");
        }
        String user = acct.substring(0, at);
        String where = acct.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!where.equals(domain) && !where.equals(host)) {
            throw new NotFoundException("Record not found");
        }
        String u = user.toLowerCase(Locale.ROOT);
        return u.equals(domain) || u.equals(host) ? null : user;
    }

    /** The username in {@code <base>/users/user} or {@code <base>/@user}; null for {@code <base>/actor}. */
    private String fromUrl(String resource) {
        URI uri;
        try {
            uri = new URI(resource);
        } catch (URISyntaxException e) {
            throw new BadRequestException("resource is not a valid URL");
        }
        if (uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())
                || !uri.getScheme().equalsIgnoreCase(base.getScheme()) || uri.getPath() == null) {
            throw new NotFoundException("Record not found");
        }
        String path = uri.getPath();
        if (path.equals("/actor")) {
            return null;
        }
        String user = path.startsWith("/users/") ? path.substring(7) : path.startsWith("/@") ? path.substring(2) : "";
        if (user.isEmpty() || user.contains("/")) {
            throw new NotFoundException("Record not found");
        }
        return user;
    }
}

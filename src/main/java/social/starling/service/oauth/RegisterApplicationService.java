package social.starling.service.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import social.starling.db.Database;
import social.starling.db.OAuthRepository;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.oauth.OAuthApplication;
import social.starling.model.oauth.Scopes;
import social.starling.support.Secrets;

/** {@code POST /api/v1/apps}: registers a client app and gives it a client id and secret. */
public final class RegisterApplicationService {
    static final int NAME_MAX = 60;
    static final int URL_MAX = 2000;

    private final Database db;
    private final OAuthRepository oauth;
    private final IdGenerator ids;
    private final Clock clock;

    public RegisterApplicationService(Database db, OAuthRepository oauth, IdGenerator ids, Clock clock) {
        this.db = db;
        this.oauth = oauth;
        this.ids = ids;
        this.clock = clock;
    }

    public record Request(String name, List<String> redirectUris, String scopes, String website, Long ownerId) {
    }

    public OAuthApplication register(Request request) {
        List<String> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty()) {
            errors.add("Name can't be blank");
        } else if (name.length() > NAME_MAX) {
            errors.add("Name is too long (maximum is " + NAME_MAX + " characters)");
        }
        List<String> uris = request.redirectUris().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (uris.isEmpty()) {
            errors.add("Redirect URI can't be blank");
        }
        for (String uri : uris) {
            if (!validRedirectUri(uri)) {
                errors.add("Redirect URI must be an absolute URI.");
                break;
            }
        }
        Set<String> scopes = Scopes.parse(request.scopes());
        if (!Scopes.allKnown(scopes)) {
            errors.add("Scopes must be a subset of the server's supported scopes");
        }
        String website = request.website() == null || request.website().isBlank() ? null : request.website().trim();
        if (website != null && (website.length() > URL_MAX || !validWebsite(website))) {
            errors.add("Website is invalid");
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
        }
        Instant now = clock.instant();
        OAuthApplication app = new OAuthApplication(ids.next(), name, website, uris, scopes, Secrets.token(32),
                Secrets.token(32), now);
        db.inTransaction(tx -> {
            oauth.insertApplication(tx, app, request.ownerId());
            return null;
        });
        return app;
    }

    /** Absolute URIs without a fragment (custom app schemes allowed, as Mastodon does), or the out-of-band URN. */
    static boolean validRedirectUri(String value) {
        if (value.equals(OAuthApplication.OOB)) {
            return true;
        }
        if (value.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getFragment() == null
                    && !uri.getScheme().equalsIgnoreCase("javascript") && !uri.getScheme().equalsIgnoreCase("data");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean validWebsite(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

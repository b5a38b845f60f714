package social.starling.service.status;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.StatusRepository;
import social.starling.model.Status;
import social.starling.model.view.StatusView;

/**
 * A search query that is a status's URL, as Mastodon's search with {@code resolve=true}
 * (app/services/resolve_url_service.rb): a local status by its id ({@code <base>/users/<name>/statuses/<id>}) or
 * page ({@code <base>/@<name>/<id>}); a stored remote status by its id; else the URL is fetched and the note stored
 * ({@link RemoteStatuses#resolveUrl}). Answered only when the viewer may see it. A URL that is a stored account's
 * id is not fetched here: it names an account, which the account search answers without asking its server again.
 */
public final class ResolveStatusService {
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?:@[^/]+|users/[^/]+/statuses)/(\\d{1,19})/?");

    private final Database db;
    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final StatusViews views;
    private final RemoteStatuses remote;
    private final String baseUrl;

    public ResolveStatusService(Database db, StatusRepository statuses, AccountRepository accounts, StatusViews views,
                                RemoteStatuses remote, String baseUrl) {
        this.db = db;
        this.statuses = statuses;
        this.accounts = accounts;
        this.views = views;
        this.remote = remote;
        this.baseUrl = baseUrl;
    }

    /** The status {@code query} names, as {@code viewerId} sees it; empty when it is no status URL. */
    public Optional<StatusView> resolveQuery(String query, long viewerId) {
        String q = query.strip();
        if (!(q.regionMatches(true, 0, "https://", 0, 8) || q.regionMatches(true, 0, "http://", 0, 7))
                || q.contains(" ")) {
            return Optional.empty();
        }
        Optional<Status> found = db.read(tx -> statuses.findByUri(tx, q));
        if (found.isEmpty() && q.startsWith(baseUrl + "/")) {
            Matcher m = LOCAL_PATH.matcher(q.substring(baseUrl.length()));
            if (!m.matches()) {
                return Optional.empty();
            }
            long id;
            try {
                id = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            found = db.read(tx -> statuses.find(tx, id)).filter(Status::local);
        } else if (found.isEmpty() && db.read(tx -> accounts.findByUri(tx, q)).isEmpty()) {
            found = remote.resolveUrl(q);
        }
        return found.flatMap(s -> views.one(s.id(), viewerId));
    }
}

package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.service.interaction.ReblogService;

/**
 * {@code Announce} (a boost; Mastodon's announce.rb): a reblog by the remote account of the status named, resolved
 * through {@link NoteIngest} (a local status, a stored one, or one fetched now). The reblog goes through the one
 * write path ({@link ReblogService#reblogFromRemote}): the original's author is notified and the reblog reaches the
 * home feeds of the booster's local followers. Rules, as Mastodon's: the Announce needs an id on the actor's origin
 * (it becomes the reblog's URI); only a public or unlisted status, or one's own, may be announced
 * ({@code announceable?}); the visibility comes from the audience — {@code as:Public} in {@code to} is public, in
 * {@code cc} unlisted, otherwise followers-only; {@code published} dates it (never in the future).
 */
public final class AnnounceHandler implements ActivityHandler {
    private final NoteIngest notes;
    private final ReblogService reblogs;
    private final Clock clock;

    public AnnounceHandler(NoteIngest notes, ReblogService reblogs, Clock clock) {
        this.notes = notes;
        this.reblogs = reblogs;
        this.clock = clock;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        String uri = a.id().orElseThrow(() -> a.refuse("an Announce needs an id"));
        String target = Rules.objectId(a);
        Status original = notes.resolve(target).orElseThrow(() -> a.refuse(target + " cannot be resolved"));
        if (original.isReblog()) {
            throw a.refuse(target + " is itself a reblog");
        }
        boolean announceable = original.accountId() == a.actor().id()
                || original.visibility() == Visibility.PUBLIC || original.visibility() == Visibility.UNLISTED;
        if (!announceable) {
            throw a.refuse(target + " may not be announced");
        }
        reblogs.reblogFromRemote(a.actor().id(), original.id(), uri, visibility(a.json()), published(a.json()));
    }

    static Visibility visibility(JsonNode activity) {
        if (Activities.addressesPublic(activity, "to")) {
            return Visibility.PUBLIC;
        }
        return Activities.addressesPublic(activity, "cc") ? Visibility.UNLISTED : Visibility.PRIVATE;
    }

    private Instant published(JsonNode activity) {
        Instant now = clock.instant();
        JsonNode published = activity.get("published");
        if (published == null || !published.isTextual()) {
            return now;
        }
        try {
            Instant at = Instant.parse(published.asText());
            return at.isAfter(now) ? now : at;
        } catch (DateTimeParseException e) {
            return now;
        }
    }
}

package social.starling.wiring;

import java.util.List;
import social.starling.App;
import social.starling.service.status.StatusFilterer;

/** Every feature module, in the order their routes are registered. */
public final class Modules {
    public static final List<Module> ALL = List.of(
            new PublicModule(),
            new WebModule(),
            new ClientApiModule(),
            new StatusModule(),
            new InteractionsModule(),
            new NotificationsModule(),
            new GraphModule(),
            new AccountRoutesLast());

    private Modules() {
    }

    /** Posting with {@code scheduled_at}: not yet supported, so such a request is refused clearly. */
    public static social.starling.api.mastodon.v1.statuses.StatusesHandler.ScheduledPosting scheduledPosting(App app) {
        return (ctx, accountId, params) -> {
            if (params.string("scheduled_at").filter(s -> !s.isBlank()).isPresent()) {
                throw new social.starling.errors.UnprocessableException("Scheduled statuses are not supported yet");
            }
            return false;
        };
    }

    /** The keyword filters applied to statuses (Filters v2). */
    public static StatusFilterer statusFilterer(App app) {
        return StatusFilterer.NONE;
    }
}

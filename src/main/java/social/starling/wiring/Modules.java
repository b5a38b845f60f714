package social.starling.wiring;

import java.util.List;
import social.starling.App;
import social.starling.service.status.StatusFilterer;

/** Every feature module, in the order their routes are registered. */
public final class Modules {
    public static final List<Module> ALL = List.of(
            new PublicModule(),
            new WebModule(),
            new StatusExtrasModule(),
            new ClientApiModule(),
            new StatusModule(),
            new InteractionsModule(),
            new NotificationsModule(),
            new GraphModule(),
            new AccountRoutesLast());

    private Modules() {
    }

    /** Posting with {@code scheduled_at}: a future time stores a scheduled status (StatusExtrasModule). */
    public static social.starling.api.mastodon.v1.statuses.StatusesHandler.ScheduledPosting scheduledPosting(App app) {
        return new social.starling.api.mastodon.v1.scheduled_statuses.ScheduledStatusesHandler(app.apiAuth,
                StatusExtrasModule.scheduledStatuses(app), new social.starling.convert.ScheduledStatusApiMapper(),
                app.json, app.baseUrl).posting();
    }

    /** The keyword filters applied to statuses (Filters v2, StatusExtrasModule). */
    public static StatusFilterer statusFilterer(App app) {
        return StatusExtrasModule.statusFilterer(app);
    }
}

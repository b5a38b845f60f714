package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.jobs.JobRunner;

/**
 * One feature area's edge: builds its handlers from the components it is given (through its constructor), adds
 * its routes to the audience tables and registers the jobs it handles. {@link social.starling.App} lists them.
 */
public interface Module {
    void routes(RouteTable routes);

    default void jobs(JobRunner jobs) {
    }

    /** Called first when the server stops (before it drains requests): ends what never ends by itself. */
    default void close() {
    }
}

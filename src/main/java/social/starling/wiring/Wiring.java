package social.starling.wiring;

import java.util.ArrayList;
import java.util.List;
import social.starling.api.Routes;
import social.starling.jobs.JobRunner;

/** What a {@link Module} adds to: route groups and the job runner. */
public final class Wiring {
    private final List<Routes> routes = new ArrayList<>();
    private final JobRunner jobs;

    public Wiring(JobRunner jobs) {
        this.jobs = jobs;
    }

    public void routes(Routes group) {
        routes.add(group);
    }

    public JobRunner jobs() {
        return jobs;
    }

    public List<Routes> routes() {
        return List.copyOf(routes);
    }
}

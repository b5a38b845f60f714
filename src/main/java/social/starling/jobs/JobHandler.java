package social.starling.jobs;

/** Runs one job. Throwing schedules a retry with backoff; returning completes the job. */
@FunctionalInterface
public interface JobHandler<P> {
    void handle(P payload, JobContext context) throws Exception;
}

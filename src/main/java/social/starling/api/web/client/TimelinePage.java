package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.StatusEntity;

/**
 * A timeline in the web client: its heading, the statuses as the API would serve them to this member, the path of
 * this page (actions come back to it) and of the next older page (null at the end); {@code compose} shows the
 * posting form above it.
 */
public record TimelinePage(ClientNav nav, String heading, String path, boolean compose, List<StatusEntity> statuses,
                           String olderPath) {
}

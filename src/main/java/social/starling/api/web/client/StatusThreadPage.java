package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.StatusEntity;

/**
 * A status with its thread, as {@code GET /api/v1/statuses/:id/context} serves it to this member: the ancestors
 * (oldest first), the status, the descendants, and the reply form ({@code reply}, prefilled with the mentions).
 */
public record StatusThreadPage(ClientNav nav, String path, List<StatusEntity> ancestors, StatusEntity status,
                               List<StatusEntity> descendants, ComposeForm reply) {
}

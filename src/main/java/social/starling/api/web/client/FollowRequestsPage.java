package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.AccountEntity;

/** The accounts asking to follow the member, each with Accept / Reject; {@code olderPath} pages on. */
public record FollowRequestsPage(ClientNav nav, List<AccountEntity> requests, String olderPath) {
}

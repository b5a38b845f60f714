package social.starling.api.web.client;

import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.RelationshipEntity;

/** One account in a list of people, with the member's relationship to it (null for the member themself). */
public record PersonRow(AccountEntity account, RelationshipEntity relationship) {
}

package social.starling.api.web;

import social.starling.convert.entity.AccountEntity;

/**
 * {@code /authorize_interaction}: the account another server sent a member here to follow, as the API shows it.
 * {@code self}: it is the member; {@code following} / {@code requested}: the member already follows it, or asked
 * to; {@code webPath} is its profile in the web client.
 */
public record AuthorizeInteractionPage(AccountEntity account, boolean self, boolean following, boolean requested,
                                       String webPath) {
}

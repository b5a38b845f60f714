package social.starling.api.web;

import java.util.List;

/**
 * The consent page: which app ({@code appWebsite} may be null) wants which permissions for which account, and where
 * the browser goes afterwards. {@code request} fills the hidden fields of the Authorize and Deny forms.
 */
public record AuthorizePage(String appName, String appWebsite, String username, List<ScopeGroup> scopes,
                            String redirectHost, boolean oob, AuthorizeRequest request) {
}

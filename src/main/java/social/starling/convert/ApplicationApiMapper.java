package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.ApplicationEntity;
import social.starling.model.oauth.OAuthApplication;

/** OAuthApplication → Mastodon's Application entity. */
public final class ApplicationApiMapper {
    public ApplicationEntity toApi(OAuthApplication app) {
        return new ApplicationEntity(Long.toString(app.id()), app.name(), app.website(), List.copyOf(app.scopes()),
                app.redirectUris(), String.join("\n", app.redirectUris()), "", null, null, null);
    }
}

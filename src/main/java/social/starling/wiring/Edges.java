package social.starling.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.StatusApiMapper;

/** What the HTTP handlers of every module share: "who" for the API, and the two most used mappers. */
public record Edges(ApiAuth auth, AccountApiMapper accountApi, StatusApiMapper statusApi, ObjectMapper json,
                    String baseUrl) {

    public static Edges build(Core core, AccountComponents accounts) {
        var accountApi = new AccountApiMapper(core.uris());
        return new Edges(new ApiAuth(accounts.tokenAuthenticator()), accountApi,
                new StatusApiMapper(accountApi, core.baseUrl(),
                        new social.starling.convert.MediaAttachmentApiMapper(core.media()::url, core.baseUrl())),
                core.json(), core.baseUrl());
    }
}

package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.accounts.EndorsementsHandler;
import social.starling.api.mastodon.v1.accounts.RelationshipActionsHandler;
import social.starling.api.mastodon.v1.emails.ConfirmationsHandler;
import social.starling.api.mastodon.v1.featured_tags.FeaturedTagsHandler;
import social.starling.api.mastodon.v1.profile.ProfileImagesHandler;
import social.starling.api.mastodon.v1.suggestions.SuggestionsHandler;
import social.starling.convert.FeaturedTagApiMapper;
import social.starling.convert.RelationshipApiMapper;
import social.starling.convert.SuggestionApiMapper;
import social.starling.convert.TagApiMapper;

/**
 * Account actions: private notes, endorsements (and their lists), removing a follower, featured hashtags, follow
 * suggestions, removing the avatar or header, and resending the confirmation e-mail.
 */
public final class AccountActionsModule implements Module {
    private final RelationshipActionsHandler relationshipActions;
    private final EndorsementsHandler endorsements;
    private final FeaturedTagsHandler featuredTags;
    private final SuggestionsHandler suggestions;
    private final ProfileImagesHandler profileImages;
    private final ConfirmationsHandler confirmations;

    public AccountActionsModule(Core core, AccountActionComponents actions, AccountComponents accounts,
                                GraphComponents graph, Edges edges) {
        var auth = edges.auth();
        var json = edges.json();
        this.relationshipActions = new RelationshipActionsHandler(auth, actions.notes(), actions.endorsements(),
                graph.follows(), graph.relationships(), new RelationshipApiMapper(), json);
        this.endorsements = new EndorsementsHandler(auth, graph.queries(), edges.accountApi(), edges.baseUrl());
        this.featuredTags = new FeaturedTagsHandler(auth, actions.featuredTags(), new FeaturedTagApiMapper(),
                new TagApiMapper(core.formatter()::hashtagUrl), json);
        this.suggestions = new SuggestionsHandler(auth, actions.suggestions(), edges.accountApi(),
                new SuggestionApiMapper(edges.accountApi()));
        this.profileImages = new ProfileImagesHandler(auth, accounts.updateCredentials(), accounts.queries(),
                edges.accountApi());
        this.confirmations = new ConfirmationsHandler(auth, actions.resendConfirmation(), json);
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .post("/api/v1/accounts/{id}/note", relationshipActions::note)
                .post("/api/v1/accounts/{id}/endorse", relationshipActions::endorse)
                .post("/api/v1/accounts/{id}/unendorse", relationshipActions::unendorse)
                .post("/api/v1/accounts/{id}/pin", relationshipActions::endorse)
                .post("/api/v1/accounts/{id}/unpin", relationshipActions::unendorse)
                .post("/api/v1/accounts/{id}/remove_from_followers", relationshipActions::removeFromFollowers)
                .get("/api/v1/endorsements", endorsements::own)
                .get("/api/v1/accounts/{id}/endorsements", endorsements::ofAccount)
                .get("/api/v1/featured_tags", featuredTags::index)
                .post("/api/v1/featured_tags", featuredTags::create)
                .delete("/api/v1/featured_tags/{id}", featuredTags::destroy)
                .get("/api/v1/featured_tags/suggestions", featuredTags::suggestions)
                .post("/api/v1/tags/{name}/feature", featuredTags::feature)
                .post("/api/v1/tags/{name}/unfeature", featuredTags::unfeature)
                .get("/api/v1/accounts/{id}/featured_tags", featuredTags::ofAccount)
                .get("/api/v1/suggestions", suggestions::v1)
                .get("/api/v2/suggestions", suggestions::v2)
                .delete("/api/v1/suggestions/{id}", suggestions::dismiss)
                .delete("/api/v1/profile/avatar", profileImages::deleteAvatar)
                .delete("/api/v1/profile/header", profileImages::deleteHeader)
                .post("/api/v1/emails/confirmations", confirmations::create);
    }
}

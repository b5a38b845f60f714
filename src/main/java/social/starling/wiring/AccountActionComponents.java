package social.starling.wiring;

import social.starling.db.FeaturedTagRepository;
import social.starling.db.SuggestionRepository;
import social.starling.service.account.ResendConfirmationService;
import social.starling.service.discovery.SuggestionService;
import social.starling.service.follow.AccountNoteService;
import social.starling.service.follow.EndorseService;
import social.starling.service.tag.FeaturedTagService;

/** Account actions beyond following: private notes, endorsements, featured hashtags, suggestions, e-mail resend. */
public record AccountActionComponents(AccountNoteService notes, EndorseService endorsements,
                                      FeaturedTagService featuredTags, SuggestionService suggestions,
                                      ResendConfirmationService resendConfirmation) {

    public static AccountActionComponents build(Core core, Repositories repos, AccountComponents accounts,
                                                GraphComponents graph) {
        var db = core.db();
        var clock = core.clock();
        return new AccountActionComponents(
                new AccountNoteService(db, repos.accounts(), repos.relationships(), clock),
                new EndorseService(db, repos.accounts(), repos.relationships(), core.ids(), clock),
                new FeaturedTagService(db, new FeaturedTagRepository(), repos.tags(), repos.accounts(), graph.tags(),
                        core.ids(), clock),
                new SuggestionService(db, new SuggestionRepository(), repos.relationships(), repos.accounts(), clock),
                new ResendConfirmationService(db, repos.users(), core.jobs(), accounts.changes(), clock));
    }
}

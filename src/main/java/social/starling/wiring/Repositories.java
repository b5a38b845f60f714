package social.starling.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import social.starling.db.AccountRepository;
import social.starling.db.AccountStatusRepository;
import social.starling.db.ConversationMuteRepository;
import social.starling.db.ConversationRepository;
import social.starling.db.DiscoveryRepository;
import social.starling.db.FeedRepository;
import social.starling.db.FilterRepository;
import social.starling.db.GraphPagesRepository;
import social.starling.db.IdempotencyRepository;
import social.starling.db.InstanceSettingsRepository;
import social.starling.db.InteractionRepository;
import social.starling.db.InviteRepository;
import social.starling.db.ListFeedRepository;
import social.starling.db.ListRepository;
import social.starling.db.MediaAttachmentRepository;
import social.starling.db.MarkerRepository;
import social.starling.db.NotificationPolicyRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.NotificationRepository;
import social.starling.db.NotificationRequestRepository;
import social.starling.db.OAuthRepository;
import social.starling.db.PollRepository;
import social.starling.db.ReblogRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.RuleRepository;
import social.starling.db.ScheduledStatusRepository;
import social.starling.db.StatusEditRepository;
import social.starling.db.StatusMarkRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagFeedRepository;
import social.starling.db.TagFollowRepository;
import social.starling.db.TagRepository;
import social.starling.db.UserRepository;
import social.starling.db.UserTokenRepository;
import social.starling.db.WebSessionRepository;
import social.starling.db.Tx;
import social.starling.service.event.AccountRowChanged;
import social.starling.service.event.StatusDeleted;
import social.starling.service.event.StatusUpdated;
import social.starling.service.event.EventBus;

/** Every repository, built once. Repositories hold queries only (and the account cache). */
public record Repositories(AccountRepository accounts, UserRepository users, RuleRepository rules,
                           InstanceSettingsRepository settings, OAuthRepository oauth,
                           WebSessionRepository webSessions, InviteRepository invites,
                           UserTokenRepository userTokens, StatusRepository statuses,
                           RelationshipRepository relationships, FeedRepository feeds, TagRepository tags,
                           PollRepository polls, InteractionRepository interactions,
                           IdempotencyRepository idempotency, NotificationRepository notifications,
                           ConversationRepository conversations, StatusEditRepository statusEdits,
                           ScheduledStatusRepository scheduledStatuses, AccountStatusRepository accountStatuses,
                           FilterRepository filters, DiscoveryRepository discovery, GraphPagesRepository graphPages,
                           ListRepository lists, TagFeedRepository tagFeed, TagFollowRepository tagFollows,
                           StatusMarkRepository statusMarks, ReblogRepository reblogs,
                           ConversationMuteRepository conversationMutes, MarkerRepository markers,
                           NotificationPolicyRepository notificationPolicies,
                           NotificationRequestRepository notificationRequests, QuoteRepository quotes,
                           MediaAttachmentRepository media, ListFeedRepository listFeeds) {

    /** Account rows written on any node are forgotten by every node's account cache, through {@code events}. */
    public static Repositories create(ObjectMapper json, EventBus events) {
        var accounts = new AccountRepository(json, (tx, id) -> events.publish(tx, new AccountRowChanged(id)));
        events.subscribe(AccountRowChanged.class, e -> accounts.forget(e.accountId()));
        return new Repositories(accounts, new UserRepository(), new RuleRepository(),
                new InstanceSettingsRepository(), new OAuthRepository(), new WebSessionRepository(),
                new InviteRepository(), new UserTokenRepository(), new StatusRepository(new StatusRepository.Changes() {
                    @Override
                    public void deleted(Tx tx, long statusId) {
                        events.publish(tx, new StatusDeleted(statusId));
                    }

                    @Override
                    public void edited(Tx tx, long statusId) {
                        events.publish(tx, new StatusUpdated(statusId));
                    }
                }),
                new RelationshipRepository(json), new FeedRepository(), new TagRepository(), new PollRepository(json),
                new InteractionRepository(), new IdempotencyRepository(), new NotificationRepository(),
                new ConversationRepository(json), new StatusEditRepository(json), new ScheduledStatusRepository(json),
                new AccountStatusRepository(), new FilterRepository(), new DiscoveryRepository(accounts),
                new GraphPagesRepository(), new ListRepository(), new TagFeedRepository(), new TagFollowRepository(),
                new StatusMarkRepository(), new ReblogRepository(), new ConversationMuteRepository(),
                new MarkerRepository(), new NotificationPolicyRepository(), new NotificationRequestRepository(),
                new QuoteRepository(), new MediaAttachmentRepository(json), new ListFeedRepository());
    }
}

package social.starling.wiring;

import social.starling.service.conversation.ConversationService;
import social.starling.service.notification.DismissNotificationsService;
import social.starling.service.notification.GroupedNotificationService;
import social.starling.service.notification.NotificationPolicyService;
import social.starling.service.notification.NotificationQueryService;
import social.starling.service.notification.NotificationRequestService;
import social.starling.service.notification.NotificationWalker;
import social.starling.service.timeline.MarkerService;

/** Reading notifications (v1 and grouped), policies and notification requests, markers and conversations. */
public record NotificationComponents(NotificationQueryService query, GroupedNotificationService grouped,
                                     DismissNotificationsService dismiss, NotificationPolicyService policies,
                                     MarkerService markers, ConversationService conversations,
                                     NotificationRequestService requests) {

    public static NotificationComponents build(Core core, Repositories repos, StatusComponents statuses) {
        var db = core.db();
        var walker = new NotificationWalker(db, repos.notifications(), repos.accounts(), statuses.views(),
                statuses.relations(), new social.starling.db.ReportRepository(core.json()));
        var query = new NotificationQueryService(db, repos.notifications(), repos.markers(), walker);
        return new NotificationComponents(query,
                new GroupedNotificationService(db, repos.notifications(), repos.accounts(), walker, query),
                new DismissNotificationsService(db, repos.notifications()),
                new NotificationPolicyService(db, repos.notificationPolicies(), core.clock()),
                new MarkerService(db, repos.markers(), core.clock()),
                new ConversationService(db, repos.conversations(), repos.accounts(), statuses.views()),
                new NotificationRequestService(db, repos.notificationRequests(), repos.notifications(),
                        repos.accounts(), repos.statuses(), repos.conversations(), statuses.views(), core.ids(),
                        core.clock()));
    }
}

package social.starling.wiring;

import io.javalin.router.JavalinDefaultRoutingApi;
import social.starling.App;
import social.starling.api.mastodon.v1.conversations.ConversationsHandler;
import social.starling.api.mastodon.v1.markers.MarkersHandler;
import social.starling.api.mastodon.v1.notifications.NotificationPolicyHandler;
import social.starling.api.mastodon.v1.notifications.NotificationRequestsHandler;
import social.starling.api.mastodon.v1.notifications.NotificationsHandler;
import social.starling.api.mastodon.v2.GroupedNotificationsHandler;
import social.starling.convert.ConversationApiMapper;
import social.starling.convert.MarkerApiMapper;
import social.starling.convert.NotificationApiMapper;
import social.starling.convert.NotificationPolicyApiMapper;
import social.starling.db.MarkerRepository;
import social.starling.db.NotificationPolicyRepository;
import social.starling.service.conversation.ConversationService;
import social.starling.service.notification.DismissNotificationsService;
import social.starling.service.notification.GroupedNotificationService;
import social.starling.service.notification.NotificationPolicyService;
import social.starling.service.notification.NotificationQueryService;
import social.starling.service.notification.NotificationWalker;
import social.starling.service.timeline.MarkerService;

/** Reading notifications (v1 and grouped v2), notification policies and requests, markers, and conversations. */
public final class NotificationsModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var markers = new MarkerRepository();
        var walker = new NotificationWalker(app.db, app.notifications, app.accounts, app.statusViews,
                app.relationsCache);
        var query = new NotificationQueryService(app.db, app.notifications, markers, walker);
        var grouped = new GroupedNotificationService(app.db, app.notifications, app.accounts, walker, query);
        var dismiss = new DismissNotificationsService(app.db, app.notifications);
        var mapper = new NotificationApiMapper(app.accountApi, app.statusApi);

        var v1 = new NotificationsHandler(app.apiAuth, query, dismiss, mapper, app.json, app.baseUrl);
        var v2 = new GroupedNotificationsHandler(app.apiAuth, grouped, dismiss, mapper, app.accountApi, app.json,
                app.baseUrl);
        var policy = new NotificationPolicyHandler(app.apiAuth,
                new NotificationPolicyService(app.db, new NotificationPolicyRepository(), app.clock),
                new NotificationPolicyApiMapper(), app.json);
        var requests = new NotificationRequestsHandler(app.apiAuth, app.json);
        var markerHandler = new MarkersHandler(app.apiAuth, new MarkerService(app.db, markers, app.clock),
                new MarkerApiMapper(), app.json);
        var conversations = new ConversationsHandler(app.apiAuth,
                new ConversationService(app.db, app.conversations, app.accounts, app.statusViews),
                new ConversationApiMapper(app.accountApi, app.statusApi), app.baseUrl);

        wiring.routes((JavalinDefaultRoutingApi r) -> {
            // Fixed paths before the ones with a path parameter they would otherwise match.
            r.get("/api/v1/notifications", v1::index);
            r.get("/api/v1/notifications/unread_count", v1::unreadCount);
            r.get("/api/v1/notifications/policy", policy::showV1);
            r.patch("/api/v1/notifications/policy", policy::updateV1);
            r.get("/api/v1/notifications/requests", requests::index);
            r.get("/api/v1/notifications/requests/merged", requests::merged);
            r.post("/api/v1/notifications/requests/accept", requests::actMany);
            r.post("/api/v1/notifications/requests/dismiss", requests::actMany);
            r.get("/api/v1/notifications/requests/{id}", requests::show);
            r.post("/api/v1/notifications/requests/{id}/accept", requests::act);
            r.post("/api/v1/notifications/requests/{id}/dismiss", requests::act);
            r.post("/api/v1/notifications/clear", v1::clear);
            r.get("/api/v1/notifications/{id}", v1::show);
            r.post("/api/v1/notifications/{id}/dismiss", v1::dismiss);

            r.get("/api/v2/notifications", v2::index);
            r.get("/api/v2/notifications/unread_count", v2::unreadCount);
            r.get("/api/v2/notifications/policy", policy::show);
            r.patch("/api/v2/notifications/policy", policy::update);
            r.get("/api/v2/notifications/{group_key}", v2::show);
            r.get("/api/v2/notifications/{group_key}/accounts", v2::accounts);
            r.post("/api/v2/notifications/{group_key}/dismiss", v2::dismiss);

            r.get("/api/v1/markers", markerHandler::index);
            r.post("/api/v1/markers", markerHandler::create);

            r.get("/api/v1/conversations", conversations::index);
            r.post("/api/v1/conversations/{id}/read", conversations::read);
            r.delete("/api/v1/conversations/{id}", conversations::destroy);
        });
    }
}

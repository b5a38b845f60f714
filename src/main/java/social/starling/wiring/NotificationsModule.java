package social.starling.wiring;

import social.starling.api.RouteTable;
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
import social.starling.convert.NotificationRequestApiMapper;

/** Reading notifications (v1 and grouped v2), notification policies and requests, markers, and conversations. */
public final class NotificationsModule implements Module {
    private final NotificationsHandler v1;
    private final GroupedNotificationsHandler v2;
    private final NotificationPolicyHandler policy;
    private final NotificationRequestsHandler requests;
    private final MarkersHandler markerHandler;
    private final ConversationsHandler conversations;

    public NotificationsModule(NotificationComponents notifications, Edges edges) {
        var auth = edges.auth();
        var json = edges.json();
        var mapper = new NotificationApiMapper(edges.accountApi(), edges.statusApi());
        this.v1 = new NotificationsHandler(auth, notifications.query(), notifications.dismiss(), mapper, json,
                edges.baseUrl());
        this.v2 = new GroupedNotificationsHandler(auth, notifications.grouped(), notifications.dismiss(), mapper,
                edges.accountApi(), json, edges.baseUrl());
        this.policy = new NotificationPolicyHandler(auth, notifications.policies(), notifications.requests(),
                new NotificationPolicyApiMapper(), json);
        this.requests = new NotificationRequestsHandler(auth, notifications.requests(),
                new NotificationRequestApiMapper(edges.accountApi(), edges.statusApi()), json, edges.baseUrl());
        this.markerHandler = new MarkersHandler(auth, notifications.markers(), new MarkerApiMapper(), json);
        this.conversations = new ConversationsHandler(auth, notifications.conversations(),
                new ConversationApiMapper(edges.accountApi(), edges.statusApi()), edges.baseUrl());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .get("/api/v1/notifications", v1::index)
                .get("/api/v1/notifications/unread_count", v1::unreadCount)
                .get("/api/v1/notifications/policy", policy::showV1)
                .update("/api/v1/notifications/policy", policy::updateV1)
                .get("/api/v1/notifications/requests", requests::index)
                .get("/api/v1/notifications/requests/merged", requests::merged)
                .post("/api/v1/notifications/requests/accept", requests::acceptMany)
                .post("/api/v1/notifications/requests/dismiss", requests::dismissMany)
                .get("/api/v1/notifications/requests/{id}", requests::show)
                .post("/api/v1/notifications/requests/{id}/accept", requests::accept)
                .post("/api/v1/notifications/requests/{id}/dismiss", requests::dismiss)
                .post("/api/v1/notifications/clear", v1::clear)
                .get("/api/v1/notifications/{id}", v1::show)
                .post("/api/v1/notifications/{id}/dismiss", v1::dismiss)
                .get("/api/v2/notifications", v2::index)
                .get("/api/v2/notifications/unread_count", v2::unreadCount)
                .get("/api/v2/notifications/policy", policy::show)
                .update("/api/v2/notifications/policy", policy::update)
                .get("/api/v2/notifications/{group_key}", v2::show)
                .get("/api/v2/notifications/{group_key}/accounts", v2::accounts)
                .post("/api/v2/notifications/{group_key}/dismiss", v2::dismiss)
                .get("/api/v1/markers", markerHandler::index)
                .post("/api/v1/markers", markerHandler::create)
                .get("/api/v1/conversations", conversations::index)
                .post("/api/v1/conversations/{id}/read", conversations::read)
                .delete("/api/v1/conversations/{id}", conversations::destroy);
    }
}

package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.streaming.StreamHub;
import social.starling.api.mastodon.v1.streaming.StreamingHandler;
import social.starling.convert.ConversationApiMapper;
import social.starling.convert.NotificationApiMapper;
import social.starling.service.status.StreamedStatuses;

/**
 * The streaming API: the WebSocket at {@code /api/v1/streaming}, the server-sent event paths and the health check;
 * the hub listens to the event bus, so a socket on this node hears of what any node did.
 */
public final class StreamingModule implements Module {
    private final StreamHub hub;
    private final StreamingHandler handler;

    public StreamingModule(Core core, Repositories repos, StatusComponents statuses,
                           NotificationComponents notifications, Edges edges) {
        var streamed = new StreamedStatuses(core.db(), statuses.views(), statuses.relations(), statuses.filterer(),
                repos.interactions(), repos.relationships(), repos.lists(), repos.listFeeds());
        this.hub = new StreamHub(core.json(), core.config().streaming(), core.events(), streamed,
                notifications.query(), notifications.conversations(), edges.statusApi(),
                new NotificationApiMapper(edges.accountApi(), edges.statusApi()),
                new ConversationApiMapper(edges.accountApi(), edges.statusApi()));
        this.handler = new StreamingHandler(edges.auth(), hub);
    }

    public StreamHub hub() {
        return hub;
    }

    @Override
    public void routes(RouteTable routes) {
        routes.socket("/api/v1/streaming", handler::beforeUpgrade, handler::socket);
        routes.mastodonApi()
                .get("/api/v1/streaming/health", handler::health)
                .get("/api/v1/streaming/user", handler.sse("user", false))
                .get("/api/v1/streaming/user/notification", handler.sse("user:notification", false))
                .get("/api/v1/streaming/public", handler.sse("public", true))
                .get("/api/v1/streaming/public/local", handler.sse("public:local", true))
                .get("/api/v1/streaming/public/remote", handler.sse("public:remote", true))
                .get("/api/v1/streaming/hashtag", handler.sse("hashtag", false))
                .get("/api/v1/streaming/hashtag/local", handler.sse("hashtag:local", false))
                .get("/api/v1/streaming/list", handler.sse("list", false))
                .get("/api/v1/streaming/direct", handler.sse("direct", false));
    }

    @Override
    public void close() {
        hub.close();
    }
}

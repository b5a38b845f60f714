package social.starling.api.web.client;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import social.starling.api.Paging;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.api.mastodon.v1.streaming.PageStream;
import social.starling.api.mastodon.v1.streaming.StreamHub;
import social.starling.convert.NotificationApiMapper;
import social.starling.convert.entity.NotificationEntity;
import social.starling.errors.StarlingException;
import social.starling.model.Page;
import social.starling.service.notification.NotificationQuery;
import social.starling.service.notification.NotificationQueryService;
import social.starling.service.notification.NotificationWalker;
import social.starling.service.timeline.MarkerService;

/**
 * The member's notifications in the web client: {@code GET /web/notifications} lists them as
 * {@code GET /api/v1/notifications} does (same service, same mapper), in words, paged with "Older"; opening the
 * first page moves the {@code notifications} marker to the newest one, as {@code POST /api/v1/markers} would.
 * {@code GET /web/notifications/stream} is the signed-in browser's server-sent event stream (session cookie, no
 * token): it hears the member's notifications through the streaming hub and sends each as an htmx SSE event
 * {@code notification} whose data is that notification rendered, plus {@code unread} with the nav badge (the
 * unread count, as {@code GET /api/v1/notifications/unread_count}).
 */
public final class WebNotificationsRoutes implements Routes {
    static final int PAGE_SIZE = 20;
    /** Comments at least this often, as the streaming API's event streams. */
    private static final Duration MAX_BEAT = Duration.ofSeconds(15);

    private final ClientArea area;
    private final NotificationQueryService query;
    private final MarkerService markers;
    private final NotificationApiMapper mapper;
    private final StreamHub hub;
    private final Duration beat;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "social.starling.web.templates");

    public WebNotificationsRoutes(ClientArea area, NotificationQueryService query, MarkerService markers,
                                  NotificationApiMapper mapper, StreamHub hub, Duration keepAlive) {
        this.area = area;
        this.query = query;
        this.markers = markers;
        this.mapper = mapper;
        this.hub = hub;
        this.beat = keepAlive.compareTo(MAX_BEAT) < 0 ? keepAlive : MAX_BEAT;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/web/notifications", area.page(this::index));
        r.get("/web/notifications/stream", area.page(this::stream));
    }

    private void index(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        Page page = Paging.page(ctx, PAGE_SIZE, 40);
        NotificationWalker.Walk walk = query.list(me, NotificationQuery.ALL, page);
        List<NotificationEntity> list = mapper.toApi(walk.items());
        if (page.maxId().isEmpty() && page.minId().isEmpty() && page.sinceId().isEmpty() && !list.isEmpty()) {
            markers.save(me, Map.of("notifications", list.getFirst().id()));
        }
        String older = walk.reachedEnd() || walk.bounds().isEmpty() ? null
                : "/web/notifications?max_id=" + walk.bounds().getLast();
        area.render(ctx, "notifications.jte", "Notifications",
                new NotificationsPage(area.nav(ctx, ClientNav.Section.NOTIFICATIONS, member), list, older));
    }

    private void stream(Context ctx) throws IOException {
        // A browser that is not signed in gets 204: a plain EventSource stops there, htmx's retries with a growing
        // delay (at most a minute), each answered as cheaply.
        if (area.kit().user(ctx).isEmpty()) {
            ctx.status(204);
            return;
        }
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        Optional<PageStream> opened = PageStream.open(hub, me);
        if (opened.isEmpty()) {
            ctx.status(204); // this member has as many streams open as allowed: the page just is not live
            return;
        }
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream; charset=utf-8");
        res.setHeader("Cache-Control", "private, no-store");
        res.setHeader("X-Accel-Buffering", "no");
        opened.get().run(res.getOutputStream(), unread(me), beat, new PageStream.Page() {
            @Override
            public Optional<String> notification(long id) {
                try {
                    NotificationEntity n = mapper.toApi(query.show(me, id));
                    return Optional.of(event("notification", render(n)) + unread(me));
                } catch (StarlingException gone) {
                    return Optional.empty();
                }
            }

            @Override
            public boolean stillSignedIn() {
                return area.kit().stillSignedIn(ctx);
            }
        });
    }

    /** The nav badge: the unread count above the notifications marker, empty when there is none. */
    private String unread(long me) {
        int count = query.unreadCount(me, NotificationQuery.ALL, NotificationQueryService.UNREAD_DEFAULT);
        String badge = count == 0 ? "" : "<span class=\"badge\">" + (count >= NotificationQueryService.UNREAD_DEFAULT
                ? NotificationQueryService.UNREAD_DEFAULT + "+" : count) + "<span class=\"sr-only\"> unread</span>"
                + "</span>";
        return event("unread", badge);
    }

    String render(NotificationEntity n) {
        StringOutput out = new StringOutput();
        templates.render("client/notification.jte", Map.of("n", n), out);
        return out.toString();
    }

    /**
     * One server-sent event: each line of {@code html} becomes its own {@code data:} line (the browser joins them
     * with line breaks again), so no raw line break ends the event early.
     */
    static String event(String name, String html) {
        StringBuilder out = new StringBuilder("event: ").append(name).append('\n');
        for (String line : html.split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }
}

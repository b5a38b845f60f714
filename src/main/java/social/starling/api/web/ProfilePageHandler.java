package social.starling.api.web;

import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import social.starling.config.Config;
import social.starling.convert.MediaAttachmentApiMapper;
import social.starling.errors.BadRequestException;
import social.starling.errors.NotFoundException;
import social.starling.errors.StarlingException;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.Page;
import social.starling.model.Status;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalReblog;
import social.starling.model.view.StatusView;
import social.starling.service.account.AccountQueryService;
import social.starling.service.federation.LocalActorService;
import social.starling.service.federation.LocalObjectService;
import social.starling.service.instance.InstanceService;
import social.starling.service.security.SessionService;
import social.starling.service.timeline.AccountStatusesService;
import social.starling.service.timeline.TagTimelineService;
import social.starling.text.HtmlSanitizer;

/**
 * The HTML side of the URLs other servers also read: a member's profile ({@code /@name}, with its pinned and
 * latest public posts) and one status ({@code /@name/id}), for browsers; the hashtag pages ({@code /tags/name});
 * and the RSS feeds of both ({@code /@name.rss}, {@code /tags/name.rss}). The same people and statuses are shown
 * as the API shows a visitor, except that lists hold public posts only (as Mastodon's public profile): an unlisted
 * post is reachable by its own link only. {@code /@user@domain} is what this server knows of a remote account,
 * never fetched on a visitor's request. Profile and post pages carry the "interact from your server" form
 * ({@link RemoteInteractionRoutes}). Anything else is a 404 page.
 */
public final class ProfilePageHandler {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    static final int PER_PAGE = 20;
    private static final String RSS = ".rss";
    private static final AccountStatusesService.Options PUBLIC_POSTS =
            new AccountStatusesService.Options(false, false, false, true, null);
    private static final AccountStatusesService.Options PINS =
            new AccountStatusesService.Options(true, false, false, true, null);

    private final Pages pages;
    private final LocalActorService actors;
    private final LocalObjectService objects;
    private final AccountStatusesService accountStatuses;
    private final TagTimelineService tagTimeline;
    private final MediaAttachmentApiMapper media;
    private final AccountQueryService accounts;
    private final StatusCards cards;
    private final LocalUris uris;
    private final String domain;

    /** {@code accounts} finds the remote accounts this server knows ({@code /@user@domain}), never fetching. */
    public ProfilePageHandler(Config config, InstanceService instance, SessionService sessions,
                              LocalActorService actors, LocalObjectService objects, LocalUris uris,
                              AccountStatusesService accountStatuses, TagTimelineService tagTimeline,
                              MediaAttachmentApiMapper media, AccountQueryService accounts) {
        Cookies cookies = new Cookies("https".equalsIgnoreCase(config.server().protocol()));
        Csrf csrf = new Csrf(cookies);
        this.pages = new Pages(instance, new WebSession(sessions, cookies, csrf), csrf);
        this.actors = actors;
        this.objects = objects;
        this.accountStatuses = accountStatuses;
        this.tagTimeline = tagTimeline;
        this.media = media;
        this.accounts = accounts;
        this.uris = uris;
        this.domain = config.server().domain();
        this.cards = new StatusCards(uris, media, domain);
    }

    /** Whether {@code /@name} is the RSS feed ({@code /@name.rss}): that is no actor, whatever the Accept. */
    public static boolean isFeed(Context ctx) {
        return ctx.pathParam("name").endsWith(RSS);
    }

    public void profile(Context ctx) {
        page(ctx, () -> {
            if (isFeed(ctx)) {
                profileFeed(ctx);
                return;
            }
            if (ctx.pathParam("name").contains("@")) {
                remoteProfile(ctx, ctx.pathParam("name"));
                return;
            }
            Account a = member(ctx.pathParam("name"));
            String name = displayName(a);
            Page paging = new Page(maxId(ctx), Optional.empty(), Optional.empty(), PER_PAGE);
            var latest = accountStatuses.statuses(a.id(), null, PUBLIC_POSTS, paging);
            List<StatusCard> pinned = paging.maxId().isPresent() ? List.of()
                    : cards(accountStatuses.statuses(a.id(), null, PINS, Page.first(PER_PAGE)).statuses());
            String older = latest.pageIds().size() < PER_PAGE ? null
                    : "/@" + a.username() + "?max_id=" + latest.pageIds().getLast();
            String bio = a.note() == null ? "" : a.note();
            String avatar = avatar(a);
            Head head = new Head(name + " (" + handle(a) + ")", HtmlSanitizer.toPlainText(bio), avatar,
                    uris.profile(a.username()), "profile", uris.actor(a.username()),
                    uris.baseUrl() + "/@" + a.username() + RSS, !a.indexable());
            ProfilePage page = new ProfilePage(name, handle(a), bio,
                    a.fields().stream().map(f -> new ProfilePage.Field(f.name(), f.value())).toList(),
                    avatar, a.statusesCount(), a.followingCount(), a.followersCount(), a.hideCollections(),
                    a.headerFile() == null ? null : uris.media(a.headerFile()), pinned,
                    cards(latest.statuses()), older, head, null, uris.actor(a.username()), null);
            pages.render(ctx, 200, "profile.jte", name + " (" + handle(a) + ")", page);
        });
    }

    /**
     * {@code /@user@domain}: what this server already knows of a remote account — its profile as last fetched and
     * the public posts stored here — with a link to its own page. Never fetched on a visitor's request (no
     * outbound traffic from an anonymous page view): an account this server does not know, or a suspended one, is
     * a 404. A limited account shows its profile without its posts, as Mastodon's "limited" notice.
     */
    private void remoteProfile(Context ctx, String acct) {
        Account a = accounts.lookup(acct).filter(x -> !x.suspended())
                .orElseThrow(() -> new NotFoundException("This server knows no account by that name."));
        if (a.isLocal()) {
            ctx.redirect("/@" + a.username(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        String path = "/@" + a.username() + "@" + a.domain();
        boolean limited = a.silencedAt() != null;
        Page paging = new Page(maxId(ctx), Optional.empty(), Optional.empty(), PER_PAGE);
        var latest = limited ? new AccountStatusesService.Result(List.of(), List.of())
                : accountStatuses.statuses(a.id(), null, PUBLIC_POSTS, paging);
        String older = latest.pageIds().size() < PER_PAGE ? null : path + "?max_id=" + latest.pageIds().getLast();
        String name = displayName(a);
        String bio = a.note() == null ? "" : a.note();
        String original = a.url() != null && !a.url().isBlank() ? a.url() : a.uri();
        Head head = new Head(name + " (" + handle(a) + ")", HtmlSanitizer.toPlainText(bio), avatar(a), original,
                "profile", a.uri(), null, true);
        ProfilePage page = new ProfilePage(name, handle(a), bio,
                a.fields().stream().map(f -> new ProfilePage.Field(f.name(), f.value())).toList(),
                avatar(a), a.statusesCount(), a.followingCount(), a.followersCount(), a.hideCollections(),
                a.headerFile() == null ? null : uris.media(a.headerFile()), List.of(), cards(latest.statuses()),
                older, head, original, null, limited
                        ? "This account is limited by the moderators of this server, so its posts are not shown."
                        : null);
        pages.render(ctx, 200, "profile.jte", name + " (" + handle(a) + ")", page);
    }

    private void profileFeed(Context ctx) {
        String username = ctx.pathParam("name");
        Account a = member(username.substring(0, username.length() - RSS.length()));
        var latest = accountStatuses.statuses(a.id(), null, PUBLIC_POSTS, Page.first(PER_PAGE));
        rss(ctx, Rss.render(displayName(a) + " (" + handle(a) + ")", uris.profile(a.username()),
                HtmlSanitizer.toPlainText(a.note() == null ? "" : a.note()), avatar(a),
                items(latest.statuses())));
    }

    public void tag(Context ctx) {
        page(ctx, () -> {
            String name = ctx.pathParam("name");
            if (name.endsWith(RSS)) {
                String tag = name.substring(0, name.length() - RSS.length());
                var found = tagTimeline.timeline(null, tagQuery(tag), Page.first(PER_PAGE));
                rss(ctx, Rss.render("#" + tag, uris.baseUrl() + "/tags/" + tag,
                        "Public posts tagged #" + tag, null, items(found.statuses())));
                return;
            }
            Page paging = new Page(maxId(ctx), Optional.empty(), Optional.empty(), PER_PAGE);
            var found = tagTimeline.timeline(null, tagQuery(name), paging);
            String older = found.pagingIds().size() < PER_PAGE ? null
                    : "/tags/" + name + "?max_id=" + found.pagingIds().getLast();
            String url = uris.baseUrl() + "/tags/" + name;
            Head head = new Head("#" + name, "Public posts tagged #" + name, null, url, "website", null,
                    url + RSS, false);
            pages.render(ctx, 200, "tag_page.jte", "#" + name,
                    new TagPage(name, cards(found.statuses()), older, head));
        });
    }

    public void status(Context ctx) {
        page(ctx, () -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                throw new NotFoundException("This status does not exist or is not public.");
            }
            LocalNote note = switch (objects.require(ctx.pathParam("name"), id)) {
                case LocalNote n -> n;
                case LocalReblog r -> throw new NotFoundException("This is a boost; the original is elsewhere.");
            };
            Account a = note.author();
            var s = note.status();
            String text = HtmlSanitizer.toPlainText(s.content() == null ? "" : s.content());
            String spoiler = s.spoilerText() == null || s.spoilerText().isEmpty() ? null : s.spoilerText();
            String image = note.media().stream().filter(m -> "image".equals(m.type()))
                    .map(m -> media.toApi(m).previewUrl()).filter(u -> u != null).findFirst()
                    .orElse(avatar(a));
            Head head = new Head(displayName(a) + " (" + handle(a) + ")", spoiler != null ? spoiler : text, image,
                    uris.baseUrl() + "/@" + a.username() + "/" + s.id(), "article",
                    s.uri(), null, !a.indexable());
            StatusPage page = new StatusPage(displayName(a), handle(a), "/@" + a.username(), spoiler, s.content(),
                    WHEN.format(s.createdAt()), s.editedAt() == null ? null : WHEN.format(s.editedAt()),
                    note.poll() == null ? java.util.List.of() : note.poll().options(), head, s.uri());
            pages.render(ctx, 200, "status_page.jte", displayName(a) + ": status", page);
        });
    }

    private Account member(String username) {
        return actors.find(username).orElseThrow(() -> new NotFoundException("There is no one here by that name."));
    }

    private static TagTimelineService.Query tagQuery(String name) {
        return new TagTimelineService.Query(name, List.of(), List.of(), List.of(), null, false);
    }

    private static Optional<Long> maxId(Context ctx) {
        String raw = ctx.queryParam("max_id");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("max_id must be a status id");
        }
    }

    private List<Rss.Item> items(List<StatusView> views) {
        return listed(views).stream().map(v -> {
            Status s = v.status();
            String html = s.content() == null ? "" : s.content();
            String text = HtmlSanitizer.toPlainText(html).strip();
            String title = s.spoilerText() != null && !s.spoilerText().isEmpty() ? s.spoilerText()
                    : text.length() > 80 ? text.substring(0, 79) + "…" : text;
            String link = statusUrl(v);
            return new Rss.Item(title.isEmpty() ? "Post by " + v.account().acct() : title,
                    link.startsWith("/") ? uris.baseUrl() + link : link, s.createdAt(), html);
        }).toList();
    }

    private static void rss(Context ctx, String xml) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.status(200).contentType("application/rss+xml; charset=utf-8").result(xml);
    }

    private String handle(Account a) {
        return "@" + a.username() + "@" + (a.isLocal() ? domain : a.domain());
    }

    private List<StatusCard> cards(List<StatusView> views) {
        return cards.cards(views);
    }

    private static List<StatusView> listed(List<StatusView> views) {
        return StatusCards.listed(views);
    }

    private static String statusUrl(StatusView v) {
        return StatusCards.statusUrl(v);
    }

    private static String displayName(Account a) {
        return StatusCards.displayName(a);
    }

    private String avatar(Account a) {
        return cards.avatar(a);
    }

    private interface PageBody {
        void run();
    }

    private void page(Context ctx, PageBody body) {
        try {
            body.run();
        } catch (StarlingException e) {
            pages.error(ctx, e);
        }
    }
}

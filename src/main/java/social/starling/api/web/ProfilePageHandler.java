package social.starling.api.web;

import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import social.starling.config.Config;
import social.starling.errors.NotFoundException;
import social.starling.errors.StarlingException;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalReblog;
import social.starling.service.federation.LocalActorService;
import social.starling.service.federation.LocalObjectService;
import social.starling.service.instance.InstanceService;
import social.starling.service.security.SessionService;

/**
 * The HTML side of the URLs other servers also read: a member's profile ({@code /@name}) and one status
 * ({@code /@name/id}), for browsers. Deliberately small (the web pages will grow them): who it is, the bio, and how
 * to follow them from anywhere in the fediverse. The same people and statuses are shown as the ActivityPub side
 * shows: visible members, public and unlisted statuses; anything else is a 404 page.
 */
public final class ProfilePageHandler {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Pages pages;
    private final LocalActorService actors;
    private final LocalObjectService objects;
    private final LocalUris uris;
    private final String domain;

    public ProfilePageHandler(Config config, InstanceService instance, SessionService sessions,
                              LocalActorService actors, LocalObjectService objects, LocalUris uris) {
        Cookies cookies = new Cookies("https".equalsIgnoreCase(config.server().protocol()));
        Csrf csrf = new Csrf(cookies);
        this.pages = new Pages(instance, new WebSession(sessions, cookies, csrf), csrf);
        this.actors = actors;
        this.objects = objects;
        this.uris = uris;
        this.domain = config.server().domain();
    }

    public void profile(Context ctx) {
        page(ctx, () -> {
            Account a = actors.find(ctx.pathParam("name"))
                    .orElseThrow(() -> new NotFoundException("There is no one here by that name."));
            String name = displayName(a);
            ProfilePage page = new ProfilePage(name, handle(a), a.note() == null ? "" : a.note(),
                    a.fields().stream().map(f -> new ProfilePage.Field(f.name(), f.value())).toList(),
                    a.avatarFile() == null ? null : uris.media(a.avatarFile()), a.statusesCount(),
                    a.followingCount(), a.followersCount(), a.hideCollections());
            pages.render(ctx, 200, "profile.jte", name + " (" + handle(a) + ")", page);
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
            StatusPage page = new StatusPage(displayName(a), handle(a), "/@" + a.username(),
                    s.spoilerText() == null || s.spoilerText().isEmpty() ? null : s.spoilerText(), s.content(),
                    WHEN.format(s.createdAt()), s.editedAt() == null ? null : WHEN.format(s.editedAt()),
                    note.poll() == null ? java.util.List.of() : note.poll().options());
            pages.render(ctx, 200, "status_page.jte", displayName(a) + ": status", page);
        });
    }

    private String handle(Account a) {
        return "@" + a.username() + "@" + domain;
    }

    private static String displayName(Account a) {
        return a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
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

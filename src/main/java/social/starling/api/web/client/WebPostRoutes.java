package social.starling.api.web.client;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.api.web.WebKit;
import social.starling.convert.StatusApiMapper;
import social.starling.convert.entity.MentionEntity;
import social.starling.convert.entity.StatusEntity;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.service.media.MediaService;
import social.starling.service.security.SessionService.WebUser;
import social.starling.service.status.DeleteStatusService;
import social.starling.service.status.EditStatusService;
import social.starling.service.status.PostStatusService;
import social.starling.service.status.StatusContextService;
import social.starling.service.status.StatusHistoryService;
import social.starling.service.status.StatusViews;

/**
 * Posting, a thread, editing and deleting in the web client, each through the service its Mastodon API twin calls:
 * {@code POST /web/statuses} (PostStatusService, images through MediaService as {@code POST /api/v2/media}),
 * {@code GET /web/statuses/:id} (StatusContextService, as {@code /api/v1/statuses/:id/context}), the edit form and
 * its save (StatusHistoryService's source, EditStatusService as {@code PUT /api/v1/statuses/:id}) and the delete
 * confirmation and its POST (DeleteStatusService). A status the member may not see, or another's to edit or
 * delete, is a 404 page. A refused post or edit shows the form again with the message and the text as typed (422).
 */
public final class WebPostRoutes implements Routes {
    private final ClientArea area;
    private final PostStatusService post;
    private final EditStatusService edit;
    private final DeleteStatusService delete;
    private final StatusContextService contexts;
    private final StatusHistoryService history;
    private final MediaService media;
    private final StatusViews views;
    private final StatusApiMapper statuses;
    private final Clock clock;

    public WebPostRoutes(ClientArea area, PostStatusService post, EditStatusService edit, DeleteStatusService delete,
                         StatusContextService contexts, StatusHistoryService history, MediaService media,
                         StatusViews views, StatusApiMapper statuses, Clock clock) {
        this.area = area;
        this.post = post;
        this.edit = edit;
        this.delete = delete;
        this.contexts = contexts;
        this.history = history;
        this.media = media;
        this.views = views;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.post("/web/statuses", area.form(this::post));
        r.get("/web/statuses/{id}", area.page(this::thread));
        r.get("/web/statuses/{id}/edit", area.page(this::editForm));
        r.post("/web/statuses/{id}/edit", area.form(this::save));
        r.get("/web/statuses/{id}/delete", area.page(this::confirmDelete));
        r.post("/web/statuses/{id}/delete", area.form(this::destroy));
    }

    private void post(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        ComposeForm form = ComposeForms.read(ctx, "/web/statuses", false);
        List<String> mediaIds = new ArrayList<>(form.mediaIds());
        try {
            ComposeForms.upload(ctx, media, me, mediaIds);
            post.post(me, ComposeForms.request(form, mediaIds));
        } catch (UnprocessableException | NotFoundException e) {
            // Never lose what the member typed: the form again, with the images uploaded so far kept.
            String message = e instanceof NotFoundException ? "The post you reply to is no longer there." : e.getMessage();
            refused(ctx, member, form.withMedia(mediaIds).withError(message), "Your post was not sent");
            return;
        }
        ClientArea.back(ctx, "/web/home");
    }

    private void refused(Context ctx, WebUser member, ComposeForm form, String heading) {
        String returnTo = ctx.formParam("return_to");
        returnTo = returnTo != null && WebKit.safePath(returnTo) ? returnTo : "/web/home";
        area.kit().render(ctx, 422, "client/compose_page.jte", heading,
                new ComposePage(area.nav(ctx, ClientNav.Section.NONE, member), heading, form, returnTo));
    }

    private void thread(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        long id = WebClientRoutes.pathId(ctx);
        StatusView view = views.one(id, me).orElseThrow(() -> new NotFoundException("Record not found"));
        if (view.reblog() != null) {
            ctx.redirect("/web/statuses/" + view.reblog().status().id());
            return;
        }
        StatusContextService.Context thread = contexts.context(id, me);
        StatusEntity status = statuses.toApi(view);
        String username = member.account().username();
        String parentVisibility = "public".equals(status.visibility()) ? "" : status.visibility();
        // As Mastodon's reply: the parent's content warning carries over.
        ComposeForm reply = ComposeForm.reply(status.id(), mentions(status, username), status.spoilerText(),
                parentVisibility);
        String path = "/web/statuses/" + id;
        area.render(ctx, "status_thread.jte", "Thread", new StatusThreadPage(area.nav(ctx, ClientNav.Section.NONE,
                member), path, statuses.toApi(thread.ancestors()), status, statuses.toApi(thread.descendants()),
                reply));
    }

    /** As Mastodon's reply: "@author @others " without oneself. */
    static String mentions(StatusEntity status, String me) {
        Set<String> accts = new LinkedHashSet<>();
        accts.add(status.account().acct());
        for (MentionEntity m : status.mentions()) {
            accts.add(m.acct());
        }
        accts.remove(me);
        StringBuilder out = new StringBuilder();
        accts.forEach(a -> out.append('@').append(a).append(' '));
        return out.toString();
    }

    private void editForm(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        StatusView view = own(member, WebClientRoutes.pathId(ctx));
        Status source = history.source(member.account().id(), view.status().id());
        List<String> options = List.of();
        String expiresIn = null;
        boolean multiple = false;
        if (view.poll() != null) {
            var poll = view.poll().poll();
            options = poll.options();
            multiple = poll.multiple();
            long left = poll.expiresAt() == null ? 86_400
                    : Duration.between(clock.instant(), poll.expiresAt()).toSeconds();
            expiresIn = Long.toString(Math.max(300, left));
        }
        List<ComposeForm.Attached> attached = statuses.toApi(view).mediaAttachments().stream()
                .map(m -> new ComposeForm.Attached(m.id(), null, m.description())).toList();
        ComposeForm form = new ComposeForm(editPath(source.id()), true, source.text(), source.spoilerText(), null,
                source.language() == null ? "" : source.language(), source.sensitive(), null, options, expiresIn,
                multiple, List.of(), attached, null);
        renderEdit(ctx, 200, member, view, form);
    }

    private void save(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        StatusView view = own(member, WebClientRoutes.pathId(ctx));
        long id = view.status().id();
        ComposeForm form = ComposeForms.read(ctx, editPath(id), true);
        try {
            // The images stay (media_ids not given), their alt texts as edited (media_attributes); the poll is
            // sent again, as Mastodon's web app does.
            List<EditStatusService.MediaAttribute> alts = form.attached().stream()
                    .map(a -> new EditStatusService.MediaAttribute(a.id(), a.description(), null)).toList();
            edit.edit(member.account().id(), id, new EditStatusService.Request(form.text(), form.spoilerText(),
                    form.sensitive(), WebClientRoutes.blankToNull(form.language()), ComposeForms.poll(form), null,
                    null, alts));
        } catch (UnprocessableException e) {
            renderEdit(ctx, 422, member, view, form.withError(e.getMessage()));
            return;
        }
        ctx.redirect("/web/statuses/" + id, HttpStatus.SEE_OTHER);
    }

    private void renderEdit(Context ctx, int status, WebUser member, StatusView view, ComposeForm form) {
        StatusEntity entity = statuses.toApi(view);
        // The previews beside the alt text fields, from the status (the form sends back ids and texts only).
        List<ComposeForm.Attached> attached = form.attached().stream().map(a -> new ComposeForm.Attached(a.id(),
                entity.mediaAttachments().stream().filter(m -> m.id().equals(a.id())).findFirst()
                        .map(m -> m.previewUrl() != null ? m.previewUrl() : m.url()).orElse(null), a.description()))
                .toList();
        area.kit().render(ctx, status, "client/status_edit.jte", "Edit post", new StatusFormPage(
                area.nav(ctx, ClientNav.Section.NONE, member), "Edit post", entity, form.withAttached(attached),
                "/web/statuses/" + view.status().id()));
    }

    private void confirmDelete(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        StatusView view = own(member, WebClientRoutes.pathId(ctx));
        String returnTo = ctx.queryParam("return_to");
        returnTo = returnTo != null && WebKit.safePath(returnTo) ? returnTo : "/web/home";
        area.render(ctx, "status_edit.jte", "Delete post", new StatusFormPage(area.nav(ctx, ClientNav.Section.NONE,
                member), "Delete post", statuses.toApi(view), null, returnTo));
    }

    private void destroy(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long id = WebClientRoutes.pathId(ctx);
        delete.delete(member.account().id(), id);
        // Not back to the deleted post's own thread: it is gone.
        String to = ctx.formParam("return_to");
        boolean gone = to != null && (to.equals("/web/statuses/" + id) || to.startsWith("/web/statuses/" + id + "?")
                || to.startsWith("/web/statuses/" + id + "#"));
        ctx.redirect(to != null && WebKit.safePath(to) && !gone ? to : "/web/home", HttpStatus.SEE_OTHER);
    }

    /** The member's own status (not a boost of another's), else a 404 as the API answers. */
    private StatusView own(WebUser member, long id) {
        long me = member.account().id();
        return views.one(id, me).filter(v -> v.status().accountId() == me && v.reblog() == null)
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    private static String editPath(long id) {
        return "/web/statuses/" + id + "/edit";
    }
}

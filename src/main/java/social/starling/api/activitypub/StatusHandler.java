package social.starling.api.activitypub;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import social.starling.convert.ActivityMapper;
import social.starling.convert.CollectionMapper;
import social.starling.convert.NoteMapper;
import social.starling.errors.NotFoundException;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.LocalReblog;
import social.starling.model.federation.Paged;
import social.starling.service.federation.LocalObjectService;

/**
 * A local status as ActivityPub objects: the note ({@code /users/{name}/statuses/{id}}, also {@code /@{name}/{id}}),
 * the activity that published it ({@code .../activity}: Create, or Announce for a reblog), and its
 * {@code replies}, {@code likes} and {@code shares} collections. Private, direct, deleted and unknown statuses are
 * 404 (see {@link LocalObjectService}).
 */
public final class StatusHandler {
    private final LocalObjectService objects;
    private final NoteMapper notes;
    private final ActivityMapper activities;
    private final CollectionMapper collections;
    private final SignedFetch signed;

    public StatusHandler(LocalObjectService objects, NoteMapper notes, ActivityMapper activities,
                         CollectionMapper collections, SignedFetch signed) {
        this.objects = objects;
        this.notes = notes;
        this.activities = activities;
        this.collections = collections;
        this.signed = signed;
    }

    /** The note. A reblog has no note of its own: as Mastodon, 302 to the original (its id, for AS2 clients). */
    public void note(Context ctx) {
        switch (require(ctx)) {
            case LocalNote n -> ActivityJson.render(ctx, notes.toNote(n), true);
            case LocalReblog r -> ctx.redirect(r.original().uri(), HttpStatus.FOUND);
        }
    }

    /** {@code /users/{name}/statuses/{id}} for a browser: 302 to the status's page (the original's, for a reblog). */
    public void toPage(Context ctx) {
        String url = switch (require(ctx)) {
            case LocalNote n -> n.status().url();
            case LocalReblog r -> r.original().url() != null ? r.original().url() : r.original().uri();
        };
        ctx.redirect(url, HttpStatus.FOUND);
    }

    public void activity(Context ctx) {
        ActivityJson.render(ctx, activities.toActivity(require(ctx)), true);
    }

    /**
     * {@code .../replies}: the collection with its first page (the author's own replies); {@code ?page=true} walks
     * the author's replies after {@code min_id}, then, with {@code only_other_accounts=true}, everyone else's.
     */
    public void replies(Context ctx) {
        LocalNote note = requireNote(ctx);
        if (!ActivityJson.pageRequested(ctx)) {
            ActivityJson.render(ctx, collections.replies(note), true);
            return;
        }
        boolean others = "true".equalsIgnoreCase(ctx.queryParam("only_other_accounts"));
        Long minId = ActivityJson.queryId(ctx, "min_id").orElse(null);
        Paged<social.starling.model.Status> page = objects.replies(ctx.pathParam("name"), note.status().id(), !others,
                minId == null ? 0 : minId);
        ActivityJson.render(ctx, collections.repliesPage(note.status().uri(), others, minId, page), false);
    }

    public void likes(Context ctx) {
        ActivityJson.render(ctx, collections.counted(requireNote(ctx).status(), "likes"), true);
    }

    public void shares(Context ctx) {
        ActivityJson.render(ctx, collections.counted(requireNote(ctx).status(), "shares"), true);
    }

    /** The status; 404 also when its author blocks the signer of an authorized fetch (Mastodon's StatusPolicy). */
    private LocalPost require(Context ctx) {
        LocalPost post = objects.require(ctx.pathParam("name"), ActivityJson.id(ctx, "id"));
        if (signed.refused(ctx, post.status().accountId())) {
            throw new NotFoundException("Record not found");
        }
        return post;
    }

    private LocalNote requireNote(Context ctx) {
        if (require(ctx) instanceof LocalNote n) {
            return n;
        }
        throw new NotFoundException("Record not found");
    }
}

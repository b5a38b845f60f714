package social.starling.api.mastodon.v1.media;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.MediaAttachmentApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.MediaAttachment;
import social.starling.service.media.MediaService;

/**
 * Mastodon's media API: {@code POST /api/v2/media} (200 when processed at once, 202 while video or audio is
 * processed), {@code POST /api/v1/media} (waits), {@code GET /api/v1/media/:id} (206 while processing),
 * {@code PUT|PATCH /api/v1/media/:id} (description, focus) and {@code DELETE /api/v1/media/:id} (4.4), all with
 * {@code write:media}.
 */
public final class MediaHandler {
    private final ApiAuth auth;
    private final MediaService media;
    private final MediaAttachmentApiMapper mapper;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public MediaHandler(ApiAuth auth, MediaService media, MediaAttachmentApiMapper mapper,
                        com.fasterxml.jackson.databind.ObjectMapper json) {
        this.auth = auth;
        this.media = media;
        this.mapper = mapper;
        this.json = json;
    }

    public void createV1(Context ctx) {
        create(ctx, true);
    }

    public void createV2(Context ctx) {
        create(ctx, false);
    }

    private void create(Context ctx, boolean wait) {
        var caller = auth.user(ctx, "write:media");
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new UnprocessableException("Validation failed: File can't be blank (send it as multipart/form-data)");
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new UnprocessableException("Validation failed: File can't be blank");
        }
        String description = ctx.formParam("description");
        MediaService.Focus focus = MediaService.Focus.parse(ctx.formParam("focus"));
        MediaAttachment m;
        try {
            m = media.upload(caller.accountId(), new MediaService.Upload(file.content(), file.contentType()),
                    description, focus, wait);
        } catch (java.io.UncheckedIOException e) {
            throw new UnprocessableException("Validation failed: File could not be read");
        }
        ctx.status(m.ready() ? 200 : 202).json(mapper.toApi(m));
    }

    public void show(Context ctx) {
        var caller = auth.user(ctx, "write:media");
        MediaAttachment m = media.own(caller.accountId(), id(ctx));
        answer(ctx, m);
    }

    public void update(Context ctx) {
        var caller = auth.user(ctx, "write:media");
        Params p = Params.of(ctx, json);
        String focusText = p.string("focus").orElse(null);
        MediaAttachment m = media.describe(caller.accountId(), id(ctx), p.string("description").orElse(null),
                MediaService.Focus.parse(focusText), p.has("description"), p.has("focus"));
        answer(ctx, m);
    }

    public void delete(Context ctx) {
        var caller = auth.user(ctx, "write:media");
        media.delete(caller.accountId(), id(ctx));
        ctx.json(java.util.Map.of());
    }

    private void answer(Context ctx, MediaAttachment m) {
        if (MediaAttachment.FAILED.equals(m.state())) {
            throw new UnprocessableException("Validation failed: File content type is invalid, File is invalid");
        }
        ctx.status(m.ready() ? 200 : 206).json(mapper.toApi(m));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }
}

package social.starling.api.web.client;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import social.starling.errors.UnprocessableException;
import social.starling.service.media.MediaService;
import social.starling.service.status.PostStatusService;

/**
 * Reads the posting form (compose.jte) into what the services take, the way {@code POST /api/v1/statuses} reads
 * an app's request: the text, content warning, visibility, language, sensitive, reply, poll and images.
 */
final class ComposeForms {
    private ComposeForms() {
    }

    /** The form as typed, to build the request from and to show again after an error. */
    static ComposeForm read(Context ctx, String action, boolean editing) {
        return new ComposeForm(action, editing, param(ctx, "status"), param(ctx, "spoiler_text"),
                param(ctx, "visibility"), param(ctx, "language"), "true".equals(ctx.formParam("sensitive")),
                WebClientRoutes.blankToNull(ctx.formParam("in_reply_to_id")), ctx.formParams("poll_options"),
                ctx.formParam("poll_expires_in"), "true".equals(ctx.formParam("poll_multiple")),
                ctx.formParams("media_ids").stream().filter(id -> !id.isBlank()).toList(), attached(ctx), null);
    }

    /** An edit's alt texts: {@code attached_id} and {@code attached_description} fields, pairwise in order. */
    private static List<ComposeForm.Attached> attached(Context ctx) {
        List<String> ids = ctx.formParams("attached_id");
        List<String> descriptions = ctx.formParams("attached_description");
        List<ComposeForm.Attached> out = new ArrayList<>();
        for (int i = 0; i < ids.size() && i < descriptions.size(); i++) {
            out.add(new ComposeForm.Attached(ids.get(i), null, descriptions.get(i)));
        }
        return out;
    }

    /** The poll, when any option was typed (blank option fields are left out); else null. */
    static PostStatusService.PollRequest poll(ComposeForm form) {
        List<String> options = form.pollOptions().stream().filter(o -> !o.isBlank()).toList();
        if (options.isEmpty()) {
            return null;
        }
        Integer expiresIn;
        try {
            expiresIn = Integer.parseInt(form.pollExpiresIn().trim());
        } catch (NumberFormatException e) {
            expiresIn = null; // the service says the expiry is missing
        }
        return new PostStatusService.PollRequest(options, expiresIn, form.pollMultiple(), false);
    }

    static PostStatusService.Request request(ComposeForm form, List<String> mediaIds) {
        return new PostStatusService.Request(form.text(), form.spoilerText(),
                WebClientRoutes.blankToNull(form.visibility()), form.sensitive() ? Boolean.TRUE : null,
                WebClientRoutes.blankToNull(form.language()), id(form.inReplyTo()), poll(form), mediaIds, null,
                null);
    }

    /**
     * Uploads the form's image fields ({@code file_1} .. {@code file_4}, each with its {@code description_N}) through
     * the media service, as {@code POST /api/v2/media} does, adding each new attachment's id to {@code into} as it
     * goes: when a later one fails, the earlier ones are still known and the form keeps them.
     */
    static void upload(Context ctx, MediaService media, long accountId, List<String> into) {
        if (!ctx.isMultipartFormData()) {
            return;
        }
        for (int i = 1; i <= ComposeForm.IMAGE_FIELDS; i++) {
            UploadedFile file = ctx.uploadedFile("file_" + i);
            if (file == null || file.size() == 0) {
                continue; // a file field left empty
            }
            if (into.size() >= ComposeForm.IMAGE_FIELDS) {
                throw new UnprocessableException("You can attach up to " + ComposeForm.IMAGE_FIELDS + " images");
            }
            String description = WebClientRoutes.blankToNull(ctx.formParam("description_" + i));
            try {
                into.add(Long.toString(media.upload(accountId, new MediaService.Upload(file.content(),
                        file.contentType()), description, null, true).id()));
            } catch (UncheckedIOException e) {
                throw new UnprocessableException("Validation failed: File could not be read");
            }
        }
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static Long id(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UnprocessableException("in_reply_to_id is not a valid id");
        }
    }
}

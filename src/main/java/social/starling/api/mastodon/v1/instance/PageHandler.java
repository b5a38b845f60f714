package social.starling.api.mastodon.v1.instance;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.errors.NotFoundException;
import social.starling.service.instance.InstanceService;
import social.starling.support.Json;

/**
 * The admin's pages: {@code /api/v1/instance/extended_description} and {@code /privacy_policy}
 * ({@code {updated_at, content}}), and {@code /terms_of_service} ({@code {effective_date, effective, content,
 * succeeded_by}}), which is a 404 until the admin writes terms, as on Mastodon.
 */
public final class PageHandler implements Handler {
    public enum Kind { EXTENDED_DESCRIPTION, PRIVACY_POLICY, TERMS_OF_SERVICE }

    private final InstanceService instances;
    private final Kind kind;
    private final String fallbackHtml;

    public PageHandler(InstanceService instances, Kind kind, String fallbackHtml) {
        this.instances = instances;
        this.kind = kind;
        this.fallbackHtml = fallbackHtml;
    }

    @Override
    public void handle(Context ctx) {
        String setting = kind.name().toLowerCase(java.util.Locale.ROOT);
        var page = instances.page(setting);
        Map<String, Object> body = new LinkedHashMap<>();
        if (kind == Kind.TERMS_OF_SERVICE) {
            var terms = page.orElseThrow(() -> new NotFoundException("Record not found"));
            body.put("effective_date", LocalDate.ofInstant(terms.updatedAt(), ZoneOffset.UTC).toString());
            body.put("effective", true);
            body.put("content", terms.html());
            body.put("succeeded_by", null);
        } else {
            body.put("updated_at", Json.MASTODON_TIME.format(page.map(InstanceService.Page::updatedAt)
                    .orElse(Instant.EPOCH)));
            body.put("content", page.map(InstanceService.Page::html).orElse(fallbackHtml));
        }
        ctx.header("Cache-Control", "public, max-age=60").json(body);
    }
}

package social.starling.api.mastodon.v1.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.errors.UnprocessableException;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.UpdateCredentialsService;
import social.starling.service.account.UpdateCredentialsService.FieldInput;
import social.starling.service.account.UpdateCredentialsService.Upload;

/**
 * {@code GET /api/v1/accounts/verify_credentials} and {@code PATCH /api/v1/accounts/update_credentials}: the
 * caller's own account as a CredentialAccount.
 */
public final class CredentialsHandler {
    private final ApiAuth auth;
    private final AccountQueryService accounts;
    private final UpdateCredentialsService update;
    private final AccountApiMapper mapper;
    private final ObjectMapper json;

    public CredentialsHandler(ApiAuth auth, AccountQueryService accounts, UpdateCredentialsService update,
                              AccountApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.accounts = accounts;
        this.update = update;
        this.mapper = mapper;
        this.json = json;
    }

    public void verify(Context ctx) {
        var caller = auth.user(ctx, "profile", "read:accounts");
        var me = accounts.self(caller.accountId());
        ctx.json(mapper.toCredential(me.account(), me.user(), me.followRequests(), me.fieldsSource(),
                me.attributionDomains()));
    }

    public void update(Context ctx) {
        var caller = auth.user(ctx, "write:accounts");
        Params p = Params.of(ctx, json);
        Optional<Params> source = p.object("source");
        var change = new UpdateCredentialsService.Update(
                p.string("display_name"), p.string("note"), upload(ctx, "avatar"), upload(ctx, "header"),
                p.bool("locked"), p.bool("bot"), p.bool("discoverable"), p.bool("indexable"),
                p.bool("hide_collections"), fields(p.node().get("fields_attributes")),
                source.flatMap(s -> s.string("privacy")), source.flatMap(s -> s.bool("sensitive")),
                source.flatMap(s -> s.string("language")),
                p.has("attribution_domains") ? Optional.of(p.strings("attribution_domains")) : Optional.empty(),
                source.flatMap(s -> s.string("quote_policy")));
        update.update(caller.accountId(), change);
        var me = accounts.self(caller.accountId());
        ctx.json(mapper.toCredential(me.account(), me.user(), me.followRequests(), me.fieldsSource(),
                me.attributionDomains()));
    }

    /** fields_attributes as a hash keyed by any index ({"0": {...}}) or an array; order as given. */
    private static Optional<List<FieldInput>> fields(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        List<FieldInput> fields = new ArrayList<>();
        node.forEach(f -> {
            if (f.isObject()) {
                fields.add(new FieldInput(text(f.get("name")), text(f.get("value"))));
            }
        });
        return Optional.of(fields);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static Optional<Upload> upload(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/")) {
            return Optional.empty();
        }
        UploadedFile file = ctx.uploadedFile(name);
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = file.content()) {
            return Optional.of(new Upload(in.readNBytes((int) Math.min(file.size(), 2L * 1024 * 1024 + 1)),
                    file.contentType()));
        } catch (IOException e) {
            throw new UnprocessableException("Validation failed: " + name + " could not be read");
        }
    }
}

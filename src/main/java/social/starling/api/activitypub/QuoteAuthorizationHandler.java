package social.starling.api.activitypub;

import io.javalin.http.Context;
import social.starling.convert.QuoteActivityMapper;
import social.starling.errors.NotFoundException;
import social.starling.service.status.QuoteAuthorizationService;
import social.starling.service.status.QuoteExchangeService.QuoteLink;

/**
 * {@code GET /users/{name}/quote_authorizations/{id}}: the QuoteAuthorization of an accepted quote of one of the
 * member's statuses (FEP-044f), which the quoting server fetches to verify the approval. 404 once revoked.
 */
public final class QuoteAuthorizationHandler {
    private final QuoteAuthorizationService authorizations;
    private final QuoteActivityMapper mapper;
    private final SignedFetch signed;

    public QuoteAuthorizationHandler(QuoteAuthorizationService authorizations, QuoteActivityMapper mapper,
                                     SignedFetch signed) {
        this.authorizations = authorizations;
        this.mapper = mapper;
        this.signed = signed;
    }

    public void show(Context ctx) {
        QuoteLink link = authorizations.require(ctx.pathParam("name"), ActivityJson.id(ctx, "id"));
        if (signed.refused(ctx, link.quotedAuthor().id())) {
            throw new NotFoundException("Record not found");
        }
        ActivityJson.render(ctx, mapper.authorization(link.quotedAuthor(), link.quote().id(), link.quotingUri(),
                link.quotedUri()), false);
    }
}

package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * FEP-044f's {@code QuoteAuthorization} (Mastodon's QuoteAuthorizationSerializer): the quoted author
 * ({@code attributedTo}) approves {@code interactingObject} (the quoting note) quoting {@code interactionTarget}.
 */
public record QuoteAuthorization(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String attributedTo,
        String interactingObject,
        String interactionTarget) {

    public static QuoteAuthorization of(String id, String attributedTo, String quotingUri, String quotedUri) {
        return new QuoteAuthorization(As2.QUOTE_AUTHORIZATION_CONTEXT, id, "QuoteAuthorization", attributedTo,
                quotingUri, quotedUri);
    }
}

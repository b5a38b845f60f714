package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a {@link QuoteRequest} (Mastodon's AcceptQuoteRequestSerializer and RejectQuoteRequestSerializer):
 * {@code Accept} with the request embedded and {@code result} the QuoteAuthorization's id, or {@code Reject}
 * without a result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteAnswer(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String actor,
        QuoteRequest object,
        String result) {
}

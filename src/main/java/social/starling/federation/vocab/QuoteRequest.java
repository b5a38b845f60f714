package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * FEP-044f's {@code QuoteRequest} (Mastodon's QuoteRequestSerializer): {@code actor} asks the author of
 * {@code object} (the quoted status) to approve {@code instrument} (the quoting note). The {@code @context} is null
 * when embedded in an Accept or Reject.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteRequest(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String actor,
        String object,
        String instrument) {

    public static QuoteRequest of(Object context, String id, String actor, String quotedUri, String quotingUri) {
        return new QuoteRequest(context, id, "QuoteRequest", actor, quotedUri, quotingUri);
    }
}

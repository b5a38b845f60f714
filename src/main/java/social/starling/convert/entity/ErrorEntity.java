package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Mastodon's Error (entities/Error.md). {@code error_description} is optional (mostly OAuth). {@code details} is
 * not part of the entity page: it is the 422 answer of POST /api/v1/accounts (methods/accounts.md), keyed by
 * parameter name, each value listing that parameter's errors (ERR_BLANK, ERR_TAKEN, ...).
 */
public record ErrorEntity(
        String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String errorDescription,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<Detail>> details) {

    /** One error on one parameter: {@code error} is the ERR_* code, {@code description} its text. */
    public record Detail(String error, String description) {
    }
}

package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An activity (Mastodon's ActivitySerializer): {@code Create} with the object embedded, {@code Announce} with the
 * object's id. The {@code @context} is null when embedded in a collection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Activity(
        @JsonProperty("@context") Object context,
        String id,
        String type,
        String actor,
        String published,
        List<String> to,
        List<String> cc,
        Object object) {

    public Activity embedded() {
        return new Activity(null, id, type, actor, published, to, cc, object);
    }
}

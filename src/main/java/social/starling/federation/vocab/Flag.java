package social.starling.federation.vocab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A report sent to another server (Mastodon's FlagSerializer): from this server's instance actor, the reported
 * account and statuses as {@code object}, the comment as {@code content}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Flag(@JsonProperty("@context") Object context, String id, String type, String actor, String content,
                   List<String> object) {
}

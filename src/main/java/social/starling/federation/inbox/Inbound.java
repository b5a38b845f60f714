package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import social.starling.model.Account;

/**
 * An activity taken in by the inbox, as a handler gets it: its actor (stored, remote, the one whose key signed the
 * delivery) and the activity JSON as received.
 */
public record Inbound(Account actor, JsonNode json) {
    public String type() {
        return Activities.type(json);
    }

    /** The activity's id; some servers send transient activities without one. */
    public Optional<String> id() {
        return Activities.idOf(json.get("id")).filter(id -> json.get("id").isTextual());
    }

    /** {@code object}: a link (string) or an embedded object; may be null. */
    public JsonNode object() {
        return json.get("object");
    }

    public Optional<String> objectId() {
        return Activities.idOf(object());
    }

    /** Refuses the activity (no effect, logged by the dispatcher, the job completes). */
    public InboxRefusal refuse(String reason) {
        return new InboxRefusal(type() + " " + id().orElse("(no id)") + " from " + actor.uri() + ": " + reason);
    }
}

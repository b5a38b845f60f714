package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.errors.StarlingException;

/**
 * The one table of inbound activity handlers. A handler is registered for an activity type ({@code "Like"}) or an
 * activity type with a kind of object ({@code "Undo/Follow"}); the more specific entry wins. Object kinds: the
 * embedded object's type, {@code Note} for every type Mastodon stores as a status, {@code Self} when the object is
 * the actor itself (Update and Delete of an actor), {@code Ref} when the object is only an id. Unknown activities are
 * ignored (logged at debug), as Mastodon ignores them; refusals are logged and have no effect.
 */
public final class InboxDispatcher {
    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);

    private final Map<String, ActivityHandler> handlers = new HashMap<>();

    public InboxDispatcher on(String key, ActivityHandler handler) {
        if (handlers.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("two inbox handlers for " + key);
        }
        return this;
    }

    /** The key of {@code activity}'s object kind: see the class comment. */
    static String objectKind(Inbound activity) {
        JsonNode object = activity.object();
        if (object == null) {
            return "";
        }
        if (activity.objectId().filter(id -> id.equals(activity.actor().uri())).isPresent()) {
            return "Self";
        }
        if (object.isTextual()) {
            return "Ref";
        }
        String type = Activities.type(object);
        return Activities.NOTE_TYPES.contains(type) ? "Note" : type;
    }

    public void dispatch(Inbound activity) {
        String type = activity.type();
        String kind = objectKind(activity);
        ActivityHandler handler = handlers.getOrDefault(type + "/" + kind, handlers.get(type));
        if (handler == null) {
            log.debug("ignored: {} of {} from {}", type, kind.isEmpty() ? "nothing" : kind, activity.actor().uri());
            return;
        }
        try {
            handler.handle(activity);
        } catch (InboxRefusal e) {
            log.info("refused: {}", e.getMessage());
        } catch (StarlingException e) {
            log.debug("no effect: {} {} from {}: {}", type, activity.id().orElse("(no id)"), activity.actor().uri(),
                    e.getMessage());
        }
    }
}

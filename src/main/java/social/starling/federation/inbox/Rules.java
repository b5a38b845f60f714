package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;

/** The origin and ownership rules (FEP-fe34) handlers apply before any effect; each throws {@link InboxRefusal}. */
public final class Rules {
    private Rules() {
    }

    /** The activity's own id, when it has one, is on its actor's origin. */
    public static void idOnActorOrigin(Inbound a) {
        a.id().ifPresent(id -> {
            if (!Origins.same(id, a.actor().uri())) {
                throw a.refuse("the activity id is not on its actor's origin");
            }
        });
    }

    /** {@code objectId} is on the actor's origin (which also keeps it off this server's). */
    public static void onActorOrigin(Inbound a, String objectId) {
        if (!Origins.same(objectId, a.actor().uri())) {
            throw a.refuse("the object " + objectId + " is not on its actor's origin");
        }
    }

    /** The object's id, required. */
    public static String objectId(Inbound a) {
        return a.objectId().orElseThrow(() -> a.refuse("no object"));
    }

    /**
     * An embedded activity (the object of an Undo, Accept or Reject) that names an actor names the sender: one
     * undoes only one's own activities. Its id, if any, must be on the sender's origin too.
     */
    public static void ownActivity(Inbound a, JsonNode embedded) {
        Activities.idOf(embedded.get("actor")).ifPresent(actor -> {
            if (!actor.equals(a.actor().uri())) {
                throw a.refuse("the embedded " + Activities.type(embedded) + " is " + actor + "'s, not the sender's");
            }
        });
        Activities.idOf(embedded).filter(id -> embedded.isObject()).ifPresent(id -> onActorOrigin(a, id));
    }
}

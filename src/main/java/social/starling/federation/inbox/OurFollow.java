package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import social.starling.model.Account;

/**
 * The local follower an Accept or Reject answers (Mastodon's accept.rb / reject.rb): the object is our Follow,
 * either by its id ({@code LocalUris.follow(id)}, looked up among the requests and follows to the sender), or
 * embedded, where its {@code actor} is our member and its {@code object} the sender (some servers send a Follow
 * without our id, or with an id of their own).
 */
final class OurFollow {
    private OurFollow() {
    }

    static long follower(Inbound a, InboxLookup lookup) {
        Rules.idOnActorOrigin(a);
        String ref = Rules.objectId(a);
        long sender = a.actor().id();
        Optional<Long> byId = lookup.origins().isLocal(ref) ? lookup.followerByOurFollow(sender, ref)
                : Optional.empty();
        if (byId.isPresent()) {
            return byId.get();
        }
        JsonNode follow = a.object();
        if (!follow.isObject() || !"Follow".equals(Activities.type(follow))) {
            throw a.refuse("no follow of ours has the id " + ref);
        }
        String target = Activities.idOf(follow.get("object")).orElse("");
        if (!target.equals(a.actor().uri())) {
            throw a.refuse("the embedded Follow is not of the sender");
        }
        Account member = lookup.requireLocalAccount(a, Activities.idOf(follow.get("actor")).orElse(null));
        return member.id();
    }
}

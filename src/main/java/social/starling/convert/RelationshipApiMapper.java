package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.RelationshipEntity;
import social.starling.model.view.Relationship;

/** Relationship → Mastodon's Relationship entity. */
public final class RelationshipApiMapper {
    public RelationshipEntity toApi(Relationship r) {
        return new RelationshipEntity(Long.toString(r.id()), r.following(), r.showingReblogs(), r.notifying(),
                r.languages(), r.followedBy(), r.blocking(), r.blockedBy(), r.muting(), r.mutingNotifications(),
                r.requested(), r.requestedBy(), r.domainBlocking(), r.endorsed(), r.note());
    }

    public List<RelationshipEntity> toApi(List<Relationship> rs) {
        return rs.stream().map(this::toApi).toList();
    }
}

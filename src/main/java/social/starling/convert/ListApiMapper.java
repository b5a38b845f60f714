package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.ListEntity;
import social.starling.model.UserList;

/** UserList → Mastodon's List entity. */
public final class ListApiMapper {
    public ListEntity toApi(UserList l) {
        return new ListEntity(Long.toString(l.id()), l.title(), l.repliesPolicy().wireName(), l.exclusive());
    }

    public List<ListEntity> toApi(List<UserList> lists) {
        return lists.stream().map(this::toApi).toList();
    }
}

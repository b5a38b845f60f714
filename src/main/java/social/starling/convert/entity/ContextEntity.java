package social.starling.convert.entity;

import java.util.List;

/** Mastodon's Context (entities/Context.md): the statuses above and below one in its thread. */
public record ContextEntity(List<StatusEntity> ancestors, List<StatusEntity> descendants) {
}

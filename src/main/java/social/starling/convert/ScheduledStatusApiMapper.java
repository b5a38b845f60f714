package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.ScheduledStatusEntity;
import social.starling.model.ScheduledStatus;

/** ScheduledStatus → Mastodon's ScheduledStatus entity; {@code params} as they were sent. */
public final class ScheduledStatusApiMapper {

    public ScheduledStatusEntity toApi(ScheduledStatus s) {
        ScheduledStatus.Params p = s.params();
        ScheduledStatusEntity.Poll poll = p.poll() == null ? null : new ScheduledStatusEntity.Poll(
                p.poll().options(), p.poll().expiresIn() == null ? 0 : p.poll().expiresIn(), p.poll().multiple(),
                p.poll().hideTotals());
        return new ScheduledStatusEntity(Long.toString(s.id()), s.scheduledAt(), new ScheduledStatusEntity.Params(
                p.text(), poll, p.mediaIds() == null || p.mediaIds().isEmpty() ? null : p.mediaIds(), p.sensitive(),
                p.spoilerText(), p.visibility(), p.inReplyToId() == null ? null : Long.toString(p.inReplyToId()),
                p.language(), p.applicationId(), null, null, null, null, false), List.of());
    }

    public List<ScheduledStatusEntity> toApi(List<ScheduledStatus> list) {
        return list.stream().map(this::toApi).toList();
    }
}

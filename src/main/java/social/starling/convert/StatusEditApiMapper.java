package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.StatusEditEntity;
import social.starling.convert.entity.StatusSourceEntity;
import social.starling.model.Status;
import social.starling.model.StatusEdit;
import social.starling.model.view.StatusRevision;

/** Revisions → Mastodon's StatusEdit; a status → StatusSource. */
public final class StatusEditApiMapper {
    private final AccountApiMapper accounts;

    public StatusEditApiMapper(AccountApiMapper accounts) {
        this.accounts = accounts;
    }

    public List<StatusEditEntity> toApi(List<StatusRevision> revisions) {
        return revisions.stream().map(this::toApi).toList();
    }

    public StatusEditEntity toApi(StatusRevision r) {
        StatusEdit e = r.edit();
        StatusEditEntity.Poll poll = e.pollOptions() == null ? null : new StatusEditEntity.Poll(
                e.pollOptions().stream().map(StatusEditEntity.Option::new).toList());
        return new StatusEditEntity(e.content(), e.spoilerText(), e.sensitive(), e.createdAt(),
                accounts.toApi(r.account()), poll, List.of(), List.of(), null);
    }

    public StatusSourceEntity source(Status s) {
        return new StatusSourceEntity(Long.toString(s.id()), s.text(), s.spoilerText());
    }
}

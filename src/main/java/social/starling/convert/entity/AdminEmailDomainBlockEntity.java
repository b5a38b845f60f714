package social.starling.convert.entity;

import java.time.Instant;
import java.util.List;

/** Mastodon's Admin::EmailDomainBlock; {@code history} is the last seven days, today first, numbers as strings. */
public record AdminEmailDomainBlockEntity(String id, String domain, Instant createdAt, List<History> history) {

    /** One day: {@code day} is the UNIX timestamp of its midnight UTC; {@code uses} refused sign-ups, {@code accounts} distinct addresses. */
    public record History(String day, String accounts, String uses) {
    }
}

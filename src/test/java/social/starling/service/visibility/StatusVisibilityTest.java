package social.starling.service.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import social.starling.model.Account;
import social.starling.model.NotificationType;
import social.starling.model.Status;
import social.starling.model.Visibility;

/** The shared checks that are not covered by the visibility matrix (which goes through every HTTP surface). */
class StatusVisibilityTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static Account account(long id, String domain, Instant suspendedAt, Instant silencedAt) {
        return new Account(id, "u" + id, domain, "", "", "", List.of(), "https://x/u" + id, null, null, null, null,
                null, null, null, "Person", false, true, false, false, false, null, null, null, null, null, 0, 0, 0,
                null, suspendedAt, silencedAt, NOW, NOW);
    }

    static Status status(long author, Visibility v, Long reblogOf, Long inReplyToAccount) {
        return new Status(100, author, "u", null, true, v, "", "", "", false, null,
                inReplyToAccount == null ? null : 99L, inReplyToAccount, reblogOf, null, null, null, 0, 0, 0, 0, null,
                NOW);
    }

    @Test
    void publicTimelineTakesPublicOriginalsAndSelfReplies() {
        Account author = account(1, null, null, null);
        assertThat(StatusVisibility.inPublicTimeline(status(1, Visibility.PUBLIC, null, null), author)).isTrue();
        assertThat(StatusVisibility.inPublicTimeline(status(1, Visibility.PUBLIC, null, 1L), author)).isTrue();
        assertThat(StatusVisibility.inPublicTimeline(status(1, Visibility.PUBLIC, null, 2L), author)).isFalse();
        assertThat(StatusVisibility.inPublicTimeline(status(1, Visibility.UNLISTED, null, null), author)).isFalse();
        assertThat(StatusVisibility.inPublicTimeline(status(1, Visibility.PUBLIC, 5L, null), author)).isFalse();
        assertThat(StatusVisibility.inPublicTimeline(status(1, Visibility.PUBLIC, null, null),
                account(1, null, null, NOW))).isFalse();
        assertThat(StatusVisibility.inPublicTimeline(status(1, Visibility.PUBLIC, null, null),
                account(1, null, NOW, null))).isFalse();
    }

    @Test
    void notificationRules() {
        Account from = account(2, "far.example", null, null);
        Relations none = Relations.none(1);
        assertThat(StatusVisibility.notificationAllowed(1, from, NotificationType.FAVOURITE, none, false)).isTrue();
        assertThat(StatusVisibility.notificationAllowed(1, from, NotificationType.FAVOURITE, none, true)).isFalse();
        assertThat(StatusVisibility.notificationAllowed(1, from, NotificationType.FOLLOW,
                new Relations(1, Set.of(2L), Set.of(), Map.of(), Set.of()), false)).isFalse();
        assertThat(StatusVisibility.notificationAllowed(1, from, NotificationType.FOLLOW,
                new Relations(1, Set.of(), Set.of(2L), Map.of(), Set.of()), false)).isFalse();
        assertThat(StatusVisibility.notificationAllowed(1, from, NotificationType.MENTION,
                new Relations(1, Set.of(), Set.of(), Map.of(2L, true), Set.of()), false)).isFalse();
        assertThat(StatusVisibility.notificationAllowed(1, from, NotificationType.MENTION,
                new Relations(1, Set.of(), Set.of(), Map.of(2L, false), Set.of()), false)).isTrue();
        assertThat(StatusVisibility.notificationAllowed(1, from, NotificationType.MENTION,
                new Relations(1, Set.of(), Set.of(), Map.of(), Set.of("far.example")), false)).isFalse();
        assertThat(StatusVisibility.notificationAllowed(1, account(2, null, NOW, null), NotificationType.MENTION,
                none, false)).isFalse();
        Account self = account(1, null, null, null);
        assertThat(StatusVisibility.notificationAllowed(1, self, NotificationType.FAVOURITE, none, false)).isFalse();
        assertThat(StatusVisibility.notificationAllowed(1, self, NotificationType.POLL, none, false)).isTrue();
    }

    @Test
    void mutedAuthorsLeaveFeedsButNotOwnStatuses() {
        Relations muting = new Relations(1, Set.of(), Set.of(), Map.of(2L, false), Set.of());
        assertThat(StatusVisibility.shownInFeeds(status(2, Visibility.PUBLIC, null, null), 1L, muting)).isFalse();
        assertThat(StatusVisibility.shownInFeeds(status(1, Visibility.PUBLIC, null, null), 1L, muting)).isTrue();
        assertThat(StatusVisibility.shownInFeeds(status(2, Visibility.PUBLIC, null, null), null, muting)).isTrue();
    }
}

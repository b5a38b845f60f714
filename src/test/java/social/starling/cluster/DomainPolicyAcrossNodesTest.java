package social.starling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.DomainBlock;
import social.starling.model.Role;
import social.starling.service.moderation.DomainModerationService.BlockChange;
import social.starling.service.moderation.DomainPolicy;
import social.starling.testing.Await;
import social.starling.testing.Cluster;

/**
 * Two nodes of one server on one PostgreSQL database and one Redis: a domain blocked or unblocked through one node
 * is obeyed by the other at once, though the other holds its policy in memory (reloaded after a minute otherwise).
 */
class DomainPolicyAcrossNodesTest {
    static final Duration AT_ONCE = Duration.ofSeconds(2);

    @RegisterExtension
    static Cluster cluster = Cluster.of(2);

    @Test
    void aBlockThroughOneNodeIsObeyedByTheOther() {
        long admin = cluster.node(0).fixtures().account("ada", Role.ADMIN).id();
        DomainPolicy other = cluster.node(1).app().moderation().domainPolicy();
        assertThat(other.refuses("spam.example")).isFalse(); // node B has loaded its policy

        DomainBlock block = cluster.node(0).app().moderation().domains().create(admin, new BlockChange("spam.example",
                DomainBlock.Severity.SUSPEND, null, null, null, null, null));
        Await.until(AT_ONCE, () -> other.refuses("sub.spam.example"));

        cluster.node(0).app().moderation().domains().remove(admin, block.id());
        Await.until(AT_ONCE, () -> !other.refuses("spam.example"));
    }
}

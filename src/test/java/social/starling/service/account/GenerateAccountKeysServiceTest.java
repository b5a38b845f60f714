package social.starling.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.jobs.JobContext;
import social.starling.support.CpuWork;
import social.starling.support.CpuWorkTestSupport;
import social.starling.testing.TestApp;

/**
 * The key pair a sign-up's job makes ahead of need is spare work: while the CPU work is busy (a sign-up storm) the
 * job comes back later instead of taking a turn; when it is idle, the keys are made. (Jobs are off here, so the
 * fixture's own job does not run.)
 */
class GenerateAccountKeysServiceTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_JOBS_ENABLED", "false");

    @Test
    void theJobDefersWhileTheCpuWorkIsBusyAndMakesTheKeysWhenItIsIdle() throws Exception {
        long id = server.fixtures().account("storm").id();
        var cpu = new CpuWork(1, Duration.ofMillis(50));
        var service = new GenerateAccountKeysService(server.app().core().db(), server.app().repos().accounts(),
                server.app().core().clock(), cpu);
        var release = new CountDownLatch(1);
        Thread blocker = CpuWorkTestSupport.block(cpu, release);
        Thread signUp = CpuWorkTestSupport.waiting(cpu, CpuWork.Priority.IN_TURN);
        CpuWorkTestSupport.awaitExpectedWait(cpu, CpuWork.Priority.IN_TURN, Duration.ofMillis(100));

        var busy = new JobContext(1, 1, 5);
        service.handle(new GenerateAccountKeysService.Payload(id), busy);
        assertThat(busy.deferTo()).hasValueSatisfying(at -> assertThat(at)
                .isAfter(server.app().core().clock().instant().plusSeconds(30)));
        assertThat(publicKey(id)).isNull();

        release.countDown();
        blocker.join();
        signUp.join();
        var idle = new JobContext(2, 1, 5);
        service.handle(new GenerateAccountKeysService.Payload(id), idle);
        assertThat(idle.deferTo()).isEmpty();
        assertThat(publicKey(id)).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    private static String publicKey(long id) {
        return server.app().core().db().read(tx -> server.app().repos().accounts().require(tx, id)).publicKey();
    }
}

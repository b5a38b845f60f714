package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The pooled buffers JsonBody writes answers into go back to the pool when Javalin closes the result. */
class PooledBytesTest {
    @Test
    void closingTheResultGivesTheBufferBackOnceAndAHugeOneIsNotKept() throws Exception {
        PooledBytes b = PooledBytes.take();
        b.write("hello".getBytes(), 0, 5);
        InputStream result = b.asResult();
        assertThat(result.readAllBytes()).isEqualTo("hello".getBytes());
        result.close();
        result.close(); // a second close gives nothing back twice
        PooledBytes again = PooledBytes.take();
        PooledBytes other = PooledBytes.take();
        assertThat(again).isSameAs(b);
        assertThat(again.size()).isZero();
        assertThat(other).isNotSameAs(b);

        again.ensure(PooledBytes.KEPT_BYTES + 1);
        again.release();
        other.release();
        assertThat(PooledBytes.take()).isSameAs(other).isNotSameAs(again);
    }
}

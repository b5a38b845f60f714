package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** Health probes and Prometheus metrics. */
class OpsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void livenessAndReadiness() {
        assertThat(server.http().get("/livez").status()).isEqualTo(200);
        HttpResult ready = server.http().get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("database").asText()).isEqualTo("ok");
        assertThat(ready.json().get("migrations").asText()).isEqualTo("applied");
    }

    @Test
    void metricsCoverHttpJobsAndThePool() {
        server.http().get("/api/v2/instance");
        String metrics = server.http().get("/metrics").body();
        assertThat(metrics).contains("starling_http_requests_seconds_count{method=\"GET\",route=\"/api/v2/instance\"");
        assertThat(metrics).contains("starling_jobs_due{lane=\"delivery\"}");
        assertThat(metrics).contains("starling_jobs_lag_seconds{lane=\"default\"}");
        assertThat(metrics).contains("hikaricp_connections_active");
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }
}

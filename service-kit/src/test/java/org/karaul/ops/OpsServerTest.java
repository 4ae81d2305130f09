package org.karaul.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OpsServer ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ops.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServePrometheusTextAndHealthThatFollowsTheChecks() throws Exception {
        PrometheusMeterRegistry registry = Metrics.prometheus();
        registry.counter("karaul.test.things", "outcome", "ok").increment(3);
        AtomicBoolean up = new AtomicBoolean(true);
        try (OpsServer ops = OpsServer.start("127.0.0.1", 0, registry)) {
            ops.register("streams", () -> up.get() ? HealthCheck.Status.up("RUNNING") : HealthCheck.Status.down("ERROR"));

            HttpResponse<String> metrics = get(ops, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("karaul_test_things_total{outcome=\"ok\"} 3.0").contains("jvm_memory_used_bytes");

            HttpResponse<String> healthy = get(ops, "/health");
            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).contains("\"status\":\"UP\"").contains("RUNNING");

            up.set(false);
            HttpResponse<String> sick = get(ops, "/health");
            assertThat(sick.statusCode()).isEqualTo(503);
            assertThat(sick.body()).contains("\"status\":\"DOWN\"").contains("ERROR");
        }
    }
}

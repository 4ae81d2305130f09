package org.karaul.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.karaul.ops.Metrics;
import org.karaul.ops.OpsServer;

/** Health DOWN, on the real endpoint, while stream threads keep dying though the client says RUNNING. */
class StreamsHealthTest {
    private static final StreamsHealth.Limit LIMIT = new StreamsHealth.Limit(2, Duration.ofMinutes(5));
    private final MovableClock clock = new MovableClock();
    private final ThreadRecovery recovery = new ThreadRecovery("processor", new SimpleMeterRegistry(), clock);
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final StreamsHealth health = new StreamsHealth(state::get, recovery, LIMIT);

    @Test
    void shouldStayUpWithinTheLimitAndGoDownPastItWhileTheClientStillRuns() {
        die(2);
        assertThat(health.check().up()).isTrue();
        assertThat(health.check().detail()).isEqualTo("streams RUNNING, 2 stream thread(s) replaced within PT5M");
        die(1);
        assertThat(health.check().up()).isFalse();
        assertThat(health.check().detail())
                .isEqualTo("streams RUNNING, stream threads keep dying: 3 replaced within PT5M, more than the 2 allowed");
    }

    @Test
    void shouldComeBackUpOnceTheReplacementsLeaveTheWindow() {
        die(3);
        clock.move(Duration.ofMinutes(4));
        assertThat(health.check().up()).isFalse();
        clock.move(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(health.check().up()).isTrue();
        assertThat(health.check().facts()).containsEntry("threads_replaced", 0);
    }

    @Test
    void shouldBeDownWhenTheClientIsNotRunningWhateverTheReplacements() {
        state.set(KafkaStreams.State.ERROR);
        assertThat(health.check().up()).isFalse();
        assertThat(health.check().detail()).isEqualTo("streams ERROR");
        state.set(KafkaStreams.State.REBALANCING);
        assertThat(health.check().up()).isTrue();
    }

    @Test
    void shouldAnswer503WithTheReasonAndTheCountsInTheHealthJson() throws Exception {
        die(3);
        try (OpsServer ops = OpsServer.start("127.0.0.1", 0, Metrics.prometheus())) {
            ops.register("processor", health);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ops.url("/health")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode check = new ObjectMapper().readTree(r.body()).path("checks").path("processor");
            assertThat(check.path("status").asText()).isEqualTo("DOWN");
            assertThat(check.path("detail").asText()).contains("stream threads keep dying");
            assertThat(check.path("state").asText()).isEqualTo("RUNNING");
            assertThat(check.path("threads_replaced").asInt()).isEqualTo(3);
            assertThat(check.path("threads_replaced_max").asInt()).isEqualTo(2);
            assertThat(check.path("threads_replaced_window").asText()).isEqualTo("PT5M");
        }
    }

    @Test
    void shouldRefuseANegativeLimitOrAnEmptyWindow() {
        assertThatThrownBy(() -> new StreamsHealth.Limit(-1, Duration.ofMinutes(1))).hasMessageContaining("maxReplacements");
        assertThatThrownBy(() -> new StreamsHealth.Limit(1, Duration.ZERO)).hasMessageContaining("window");
    }

    private void die(int times) {
        for (int i = 0; i < times; i++) {
            recovery.handle(new ProducerFencedException("fenced"));
            clock.move(Duration.ofSeconds(1));
        }
    }
}

package org.karaul.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void shouldExportTheMetersOfAKeyValueStoreAndAWindowStoreUnderOneName() {
        PrometheusMeterRegistry registry = Metrics.unbound();
        registry.counter("kafka.stream.state.put.rate", "in.memory.state.id", "alerts-memory", "task.id", "0_1")
                .increment();
        registry.counter("kafka.stream.state.put.rate", "in.memory.window.state.id", "trends-hourly", "task.id", "1_2")
                .increment();

        String scrape = registry.scrape();

        assertThat(scrape).contains("state_id=\"alerts-memory\"", "store_type=\"in.memory\"")
                .contains("state_id=\"trends-hourly\"", "store_type=\"in.memory.window\"");
        assertThat(registry.find("kafka.stream.state.put.rate").meters()).extracting(Meter::getId)
                .allSatisfy(id -> assertThat(id.getTag("in.memory.state.id")).isNull());
    }

    @Test
    void shouldLeaveOtherMetersAsTheyAre() {
        PrometheusMeterRegistry registry = Metrics.unbound();
        registry.counter("kafka.consumer.fetch.total", "client.id", "c1").increment();

        assertThat(registry.get("kafka.consumer.fetch.total").counter().getId().getTag("client.id")).isEqualTo("c1");
    }
}

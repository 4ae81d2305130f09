package org.karaul.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.karaul.config.Settings;

/** Pins every property ingest's transactional producer gets, so that moving how they are built changes none. */
class ProducerPropertiesTest {
    @Test
    void shouldMakeAnIdempotentTransactionalProducerNamedByTheConfiguredId() {
        IngestConfig config = IngestConfig.from(Settings.of(IngestConfig.DEFAULTS, Map.of(
                "ingest.transactional.id", "karaul-ingest-2", "kafka.linger.ms", "5")));
        Properties want = new Properties();
        want.put("bootstrap.servers", "localhost:9092");
        want.put("linger.ms", "5");
        want.put("client.id", "karaul-ingest-2");
        want.put("transactional.id", "karaul-ingest-2");
        want.put("acks", "all");
        want.put("enable.idempotence", "true");
        assertThat(TransactionalProducers.properties(config)).isEqualTo(want);
    }
}

package org.karaul.alerts.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Pins every property the desk feed's consumer gets, so that moving how they are built changes none. */
class DeskFeedPropertiesTest {
    @Test
    void shouldReadCommittedWithoutCommittingOffsets() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "localhost:9092");
        kafka.put("session.timeout.ms", "10000");
        Properties want = new Properties();
        want.putAll(kafka);
        want.put("isolation.level", "read_committed");
        want.put("enable.auto.commit", "false");
        assertThat(DeskFeed.consumerProperties(kafka)).isEqualTo(want);
    }
}

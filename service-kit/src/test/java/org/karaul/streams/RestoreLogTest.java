package org.karaul.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreLogTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final RestoreLog log = new RestoreLog("alerts", nanos::get);
    private final TopicPartition changelog = new TopicPartition("karaul-alerts-open-changelog", 2);

    @Test
    void shouldGiveTheRecordsOffsetsAndMillisecondsOfEachChangelogPartition() {
        log.onRestoreStart(changelog, "open", 10, 1_510);
        nanos.addAndGet(412_000_000L);
        assertThat(log.line(changelog, "open", 1_204, "restored")).isEqualTo("alerts restored store open from"
                + " karaul-alerts-open-changelog-2: 1,204 records (offsets 10..1,510) in 412 ms");
    }

    @Test
    void shouldStillNameTheStoreAndRecordsWithoutAStart() {
        assertThat(log.line(changelog, "open", 7, "restored"))
                .isEqualTo("alerts restored store open from karaul-alerts-open-changelog-2: 7 records");
    }
}

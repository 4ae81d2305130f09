package org.karaul.ingest.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveIntervalTest {

    @Test
    void shouldPollBusySourceSoonerDownToItsMinimum() {
        AdaptiveInterval i = new AdaptiveInterval(Duration.ofMinutes(10), Duration.ofMinutes(2));

        assertThat(i.afterSuccess(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(i.afterSuccess(1)).isEqualTo(Duration.ofSeconds(150));
        assertThat(i.afterSuccess(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(i.afterSuccess(3)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldBackOffIdleAndFailingSourcesUpToEightTimesTheInterval() {
        AdaptiveInterval i = new AdaptiveInterval(Duration.ofMinutes(10), Duration.ofMinutes(2));

        assertThat(i.afterSuccess(0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(i.afterFailure()).isEqualTo(Duration.ofMinutes(30));
        for (int n = 0; n < 10; n++) {
            i.afterFailure();
        }
        assertThat(i.current()).isEqualTo(Duration.ofMinutes(80));
    }
}

package org.karaul.ingest.health;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceHealthBoardTest {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final SourceHealthBoard board = new SourceHealthBoard(List.of("a", "b"), 3, 2,
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), metrics);

    @Test
    void shouldMarkSourceBrokenAfterConsecutiveFailuresAndHealOnSuccess() {
        board.failure("a", "HTTP 500");
        board.failure("a", "HTTP 500");
        assertThat(board.find("a").state()).isEqualTo(SourceState.UNKNOWN);

        SourceHealth broken = board.failure("a", "HTTP 503");
        assertThat(broken.state()).isEqualTo(SourceState.BROKEN);
        assertThat(broken.lastError()).isEqualTo("HTTP 503");
        assertThat(metrics.get("karaul.ingest.source.state").tag("source", "a").gauge().value()).isEqualTo(3.0);
        assertThat(board.summary()).contains("broken: [a]");
        assertThat(broken.describe()).isEqualTo("BROKEN: 3 failed polls (HTTP 503); last success never");

        assertThat(board.success("a", 2).state()).isEqualTo(SourceState.OK);
    }

    @Test
    void shouldMarkSourceSilentAfterPollsWithoutNewItems() {
        board.success("b", 4);
        board.success("b", 0);
        SourceHealth silent = board.success("b", 0);

        assertThat(silent.state()).isEqualTo(SourceState.SILENT);
        assertThat(silent.lastNewItem()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(metrics.get("karaul.ingest.source.last.success").tag("source", "b").gauge().value())
                .isEqualTo(Instant.parse("2026-11-22T10:00:00Z").getEpochSecond());
    }

    @Test
    void shouldTellItsListenerEveryRecordInTheContractsForm() {
        java.util.List<SourceHealth> told = new java.util.ArrayList<>();
        board.onUpdate(told::add);
        board.failure("a", "HTTP 503");
        board.failure("a", "HTTP 503");
        board.failure("a", "HTTP 503");
        assertThat(told).hasSize(3);
        org.karaul.contract.SourceStatus status = SourceStatusPublisher.status(told.get(2), java.time.Instant.EPOCH);
        assertThat(status.state()).isEqualTo("broken");
        assertThat(status.consecutiveFailures()).isEqualTo(3);
        assertThat(status.lastError()).isEqualTo("HTTP 503");
    }
}

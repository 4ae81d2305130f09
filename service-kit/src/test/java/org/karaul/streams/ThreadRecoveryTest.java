package org.karaul.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadRecoveryTest {
    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ThreadRecovery recovery = new ThreadRecovery("alerts", metrics, clock);

    @Test
    void shouldReplaceTheThreadUpToTheBudgetThenShutTheClientDown() {
        for (int i = 0; i < ThreadRecovery.BUDGET; i++) {
            assertThat(recovery.handle(transactionLost())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            clock.move(Duration.ofSeconds(30));
        }
        assertThat(recovery.handle(transactionLost())).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(count("replace")).isEqualTo(ThreadRecovery.BUDGET);
        assertThat(count("shutdown")).isEqualTo(1);
    }

    @Test
    void shouldReplaceAgainOnceEarlierReplacementsLeaveTheWindow() {
        for (int i = 0; i < ThreadRecovery.BUDGET; i++) {
            recovery.handle(transactionLost());
        }
        clock.move(ThreadRecovery.WINDOW.plusSeconds(1));
        assertThat(recovery.handle(transactionLost())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(count("shutdown")).isZero();
    }

    @Test
    void shouldNameTheRootCauseThatStreamsWrapped() {
        assertThat(ThreadRecovery.describe(transactionLost()))
                .isEqualTo("StreamsException caused by " + InvalidTxnStateException.class.getName() + ": gone");
        assertThat(ThreadRecovery.describe(new IllegalStateException("plain"))).isEqualTo("java.lang.IllegalStateException: plain");
    }

    private double count(String answer) {
        return metrics.get("karaul.streams.thread.deaths").tag("application", "alerts").tag("answer", answer).counter().count();
    }

    private static Throwable transactionLost() {
        return new StreamsException("commit failed", new InvalidTxnStateException("gone"));
    }
}

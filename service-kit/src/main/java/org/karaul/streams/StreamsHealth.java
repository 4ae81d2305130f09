package org.karaul.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.karaul.config.Settings;
import org.karaul.ops.HealthCheck;

/**
 * Health of one Streams application: DOWN when its client is not running (state {@code ERROR}, shutting down,
 * stopped), and DOWN too while stream threads keep dying, i.e. when {@link ThreadRecovery} replaced more than
 * {@link Limit#maxReplacements()} of them within {@link Limit#window()}: each replacement looks healthy on its own
 * (the state goes back to RUNNING) while the stage mostly rebalances and retries. The JSON says which, with the
 * count, the limit and the window.
 */
public final class StreamsHealth implements HealthCheck {
    private final Supplier<KafkaStreams.State> state;
    private final ThreadRecovery recovery;
    private final Limit limit;

    /**
     * @param maxReplacements replacements a window may hold and health stay UP
     * @param window          how far back replacements count
     */
    public record Limit(int maxReplacements, Duration window) {
        public Limit {
            if (maxReplacements < 0) {
                throw new IllegalArgumentException("maxReplacements must be 0 or more, got " + maxReplacements);
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, got " + window);
            }
        }

        /** Reads {@code PREFIX.health.thread.replacements.max} and {@code PREFIX.health.thread.replacements.window}. */
        public static Limit from(Settings settings, String prefix) {
            return new Limit(settings.intValue(prefix + ".health.thread.replacements.max", 0, ThreadRecovery.HISTORY),
                    settings.duration(prefix + ".health.thread.replacements.window"));
        }
    }

    public StreamsHealth(Supplier<KafkaStreams.State> state, ThreadRecovery recovery, Limit limit) {
        this.state = Objects.requireNonNull(state, "state");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    @Override
    public Status check() {
        KafkaStreams.State s = state.get();
        int replaced = recovery.replacedWithin(limit.window());
        boolean running = s.isRunningOrRebalancing() || s == KafkaStreams.State.CREATED;
        boolean dying = replaced > limit.maxReplacements();
        String detail = "streams " + s;
        if (dying) {
            detail += ", stream threads keep dying: " + replaced + " replaced within " + limit.window()
                    + ", more than the " + limit.maxReplacements() + " allowed";
        } else if (replaced > 0) {
            detail += ", " + replaced + " stream thread(s) replaced within " + limit.window();
        }
        return new Status(running && !dying, detail, Map.of(
                "state", s.name(),
                "threads_replaced", replaced,
                "threads_replaced_max", limit.maxReplacements(),
                "threads_replaced_window", limit.window().toString()));
    }
}

package org.karaul.ingest.schedule;

import java.time.Duration;

/**
 * The next poll delay of one source. A poll that yields new items halves the delay (down to the source's
 * minimum); an idle poll stretches it by half (up to {@link #MAX_FACTOR} times the configured interval);
 * a failed poll doubles it within the same cap. Not thread-safe: one per source, used by its poll.
 */
public final class AdaptiveInterval {
    /** An idle or failing source is polled at most this many times less often than configured. */
    public static final int MAX_FACTOR = 8;

    private final Duration min;
    private final Duration max;
    private Duration current;

    public AdaptiveInterval(Duration interval, Duration min) {
        this.min = min.compareTo(interval) > 0 ? interval : min;
        this.max = interval.multipliedBy(MAX_FACTOR);
        this.current = interval;
    }

    /** Records a successful poll that produced {@code newItems} new or changed items; returns the next delay. */
    public Duration afterSuccess(int newItems) {
        current = newItems > 0 ? clamp(current.dividedBy(2)) : clamp(current.multipliedBy(3).dividedBy(2));
        return current;
    }

    /** Records a failed poll; returns the next delay. */
    public Duration afterFailure() {
        current = clamp(current.multipliedBy(2));
        return current;
    }

    public Duration current() {
        return current;
    }

    private Duration clamp(Duration d) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}

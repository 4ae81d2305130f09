package org.karaul.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that a test moves on by hand, so windows are crossed without waiting. */
final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T00:00:00Z");

    void move(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC is enough here");
    }

    @Override
    public Instant instant() {
        return now;
    }
}

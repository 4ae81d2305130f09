package org.karaul.export.source;

import java.time.Instant;
import org.karaul.contract.Development;

/**
 * A time window on a development's last-seen time (its first-seen time when it has none): from inclusive, to
 * exclusive; a null bound is open.
 */
public record Window(Instant from, Instant to) {
    public static final Window ALL = new Window(null, null);

    public Window {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the window's start " + from + " is not before its end " + to);
        }
    }

    public boolean contains(Development d) {
        Instant t = d.lastSeen() != null ? d.lastSeen() : d.firstSeen();
        if (t == null) {
            return from == null && to == null;
        }
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "-∞" : from) + ", " + (to == null ? "∞" : to) + ")";
    }
}

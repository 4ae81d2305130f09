package org.karaul.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's alert that a crawled source went silent or broke, or recovered: the data of a
 * {@link SourceAlertEvent}. Raised once when the source's state changes, never again while it holds.
 *
 * @param id                  unique and stable on replay: {@code <source>.<type>.<epoch millis of the status>}
 * @param type                {@code silent} (polls work, nothing new for longer than usual), {@code broken} (polls
 *                            fail) or {@code recovered} (ok again after silent or broken)
 * @param sourceId            the source's configured id
 * @param previousState       the state it left: {@code ok}, {@code silent} or {@code broken}
 * @param consecutiveFailures failed polls in a row
 * @param consecutiveEmpty    successful polls in a row that found nothing new
 * @param lastSuccess         end of the last successful poll, or null
 * @param lastNewItem         the last poll that found something new, or null
 * @param lastError           one line about the last failure, or null
 * @param at                  when the status that raised it was written
 */
public record SourceAlert(String id, String type, String sourceId, String previousState, int consecutiveFailures,
                          int consecutiveEmpty, Instant lastSuccess, Instant lastNewItem, String lastError, Instant at) {
    public static final String SILENT = "silent";
    public static final String BROKEN = "broken";
    public static final String RECOVERED = "recovered";

    public SourceAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(at, "at");
    }
}

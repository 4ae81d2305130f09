package org.karaul.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * How one crawled source is doing, kept on the compacted {@code karaul.sources.status} topic keyed by source id: the
 * crawler writes it after every poll, so the desk sees a source that went silent or broke as soon as it does.
 *
 * @param sourceId            the source's configured id
 * @param state               {@code unknown}, {@code ok}, {@code silent} (polls work, nothing new for longer than
 *                            usual) or {@code broken} (polls fail)
 * @param consecutiveFailures failed polls in a row
 * @param consecutiveEmpty    successful polls in a row that found nothing new
 * @param lastSuccess         end of the last successful poll, or null
 * @param lastNewItem         the last poll that found something new, or null
 * @param lastError           one line about the last failure since the last success, or null
 * @param at                  when this was written
 */
public record SourceStatus(String sourceId, String state, int consecutiveFailures, int consecutiveEmpty,
                           Instant lastSuccess, Instant lastNewItem, String lastError, Instant at) {
    public SourceStatus {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}

package org.karaul.ingest.health;

import java.time.Instant;

/**
 * The health record of one source.
 *
 * @param sourceId            configured id
 * @param state               OK, SILENT, BROKEN or UNKNOWN
 * @param consecutiveFailures failed polls in a row
 * @param consecutiveEmpty    successful polls in a row that yielded nothing new
 * @param lastSuccess         end of the last successful poll, null if none
 * @param lastNewItem         last poll that yielded something new, null if none
 * @param lastError           one line about the last failure, null if none since the last success
 */
public record SourceHealth(String sourceId, SourceState state, int consecutiveFailures, int consecutiveEmpty,
                           Instant lastSuccess, Instant lastNewItem, String lastError) {

    static SourceHealth unknown(String id) {
        return new SourceHealth(id, SourceState.UNKNOWN, 0, 0, null, null, null);
    }
}

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

    /** One line for the health endpoint, e.g. {@code BROKEN: 3 failed polls (HTTP 503); last success 2026-11-22T10:00:00Z}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(state.name());
        if (consecutiveFailures > 0) {
            sb.append(": ").append(consecutiveFailures).append(" failed polls (").append(lastError).append(')');
        } else if (consecutiveEmpty > 0) {
            sb.append(": ").append(consecutiveEmpty).append(" polls without new items");
        }
        sb.append("; last success ").append(lastSuccess == null ? "never" : lastSuccess.toString());
        if (lastNewItem != null) {
            sb.append("; last new item ").append(lastNewItem);
        }
        return sb.toString();
    }

    static SourceHealth unknown(String id) {
        return new SourceHealth(id, SourceState.UNKNOWN, 0, 0, null, null, null);
    }
}

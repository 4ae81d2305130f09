package org.karaul.alerts.develop;

import java.time.Instant;
import java.util.List;
import org.karaul.contract.Development;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.SourceRef;
import org.karaul.contract.TimelineEntry;

/**
 * New-story counts for one category and country: the current window and the counts of the finished ones.
 *
 * @param windowStart start of the current window
 * @param stories     the stories opened in it (capped), as timeline entries
 * @param sources     their sources
 * @param origins     their raw-topic offsets
 * @param count       stories opened in it
 * @param history     counts of the finished windows, oldest first (at most the baseline length)
 * @param spike       the spike development raised in the current window, or null
 */
public record SpikeState(Instant windowStart, List<TimelineEntry> stories, List<SourceRef> sources,
                         List<SourceOffset> origins, int count, List<Integer> history, Development spike) {
}

package org.karaul.alerts.develop;

import java.time.Duration;

/**
 * When counts of new stories per category and country make a spike (the {@code spikes} section of the grouping rules).
 *
 * @param window      width of one counting window (event time)
 * @param baseline    how many earlier windows make the rolling baseline
 * @param minBaseline windows of baseline needed before any spike is reported
 * @param minCount    stories a window needs at least
 * @param ratio       the count must be at least this many times the expected count (expected floored at 1 window's 1/baseline)
 * @param zScore      and at least this many standard deviations (floored at 1) above it
 */
public record SpikeRules(Duration window, int baseline, int minBaseline, int minCount, double ratio, double zScore) {
}

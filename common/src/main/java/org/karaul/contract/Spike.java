package org.karaul.contract;

import java.time.Instant;

/**
 * What makes a development a spike: more distinct stories of one category in one country within a window than
 * the rolling baseline of earlier windows leads one to expect.
 *
 * @param category    the category counted
 * @param country     the country counted
 * @param windowStart start of the window (event time)
 * @param windowEnd   end of the window (exclusive)
 * @param observed    distinct stories (developments opened) in the window
 * @param expected    mean per window over the baseline
 * @param zScore      (observed - expected) / standard deviation of the baseline (at least 1)
 */
public record Spike(String category, String country, Instant windowStart, Instant windowEnd, int observed,
                    double expected, double zScore) {
}

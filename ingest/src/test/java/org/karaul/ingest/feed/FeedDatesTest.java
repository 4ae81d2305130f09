package org.karaul.ingest.feed;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FeedDatesTest {

    @Test
    void shouldReadRfc822VariantsToUtc() {
        assertThat(FeedDates.parse("Sun, 22 Nov 2026 08:30:00 +0600")).contains(Instant.parse("2026-11-22T02:30:00Z"));
        assertThat(FeedDates.parse("22 Nov 2026 08:30 GMT")).contains(Instant.parse("2026-11-22T08:30:00Z"));
        assertThat(FeedDates.parse("Sun, 22 Nov 26 08:30:00 EST")).contains(Instant.parse("2026-11-22T13:30:00Z"));
        assertThat(FeedDates.parse("Sunday, 22 November 2026 08:30:00 +05:00")).contains(Instant.parse("2026-11-22T03:30:00Z"));
    }

    @Test
    void shouldReadW3cDtfVariantsToUtc() {
        assertThat(FeedDates.parse("2026-11-22T08:30:00+05:00")).contains(Instant.parse("2026-11-22T03:30:00Z"));
        assertThat(FeedDates.parse("2026-11-22T08:30:00+0500")).contains(Instant.parse("2026-11-22T03:30:00Z"));
        assertThat(FeedDates.parse("2026-11-22T08:30:00Z")).contains(Instant.parse("2026-11-22T08:30:00Z"));
        assertThat(FeedDates.parse("2026-11-22 08:30:00")).contains(Instant.parse("2026-11-22T08:30:00Z"));
        assertThat(FeedDates.parse("2026-11-22")).contains(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void shouldRejectWhatIsNotADate() {
        assertThat(FeedDates.parse("yesterday")).isEmpty();
        assertThat(FeedDates.parse("")).isEmpty();
        assertThat(FeedDates.parse(null)).isEmpty();
    }
}

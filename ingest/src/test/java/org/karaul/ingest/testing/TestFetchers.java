package org.karaul.ingest.testing;

import org.karaul.ingest.fetch.FetchConfig;
import org.karaul.ingest.fetch.HttpFetcher;

import java.time.Duration;

/** A real fetcher tuned for loopback tests: short timeouts, tiny backoff, no host delay. */
public final class TestFetchers {
    public static final FetchConfig FAST = new FetchConfig("KaraulBot/test (+https://example.org/karaul)",
            "karaulbot", Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 3, 2, Duration.ofMillis(10),
            Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(1), true, Duration.ofHours(1));

    private TestFetchers() {
    }

    public static HttpFetcher fast() {
        return new HttpFetcher(FAST);
    }
}

package org.karaul.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How politely and defensively the fetcher behaves.
 *
 * @param userAgent       honest User-Agent, naming the project and a contact URL
 * @param robotsAgent     the product token matched against robots.txt groups
 * @param connectTimeout  TCP/TLS connect limit
 * @param readTimeout     limit from sending the request to the last body byte (slow drips end here)
 * @param maxBodyBytes    largest body accepted, as sent and once decompressed
 * @param maxRedirects    redirects followed before giving up
 * @param maxAttempts     tries per URL for transient failures (1 = no retry)
 * @param backoffBase     first retry waits up to this long (exponential, full jitter)
 * @param backoffMax      cap for one backoff wait; a longer Retry-After makes the fetch fail instead
 * @param hostDelay       minimum gap between two requests to the same host (robots Crawl-delay may raise it)
 * @param maxCrawlDelay   cap on a robots.txt Crawl-delay
 * @param obeyRobots      whether robots.txt is consulted
 * @param robotsTtl       how long a host's robots.txt is cached
 */
public record FetchConfig(String userAgent, String robotsAgent, Duration connectTimeout, Duration readTimeout,
                          long maxBodyBytes, int maxRedirects, int maxAttempts, Duration backoffBase,
                          Duration backoffMax, Duration hostDelay, Duration maxCrawlDelay, boolean obeyRobots,
                          Duration robotsTtl) {

    public static final String DEFAULT_AGENT = "KaraulBot/0.1 (+https://github.com/karaul/karaul; open-source OSINT monitor)";

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(robotsAgent, "robotsAgent");
        if (maxBodyBytes <= 0 || maxRedirects < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxBodyBytes > 0, maxRedirects >= 0 and maxAttempts >= 1 required");
        }
    }

    /** Defaults for crawling news sites: 10 s connect, 30 s read, 10 MB, 5 redirects, 3 tries, 2 s per host. */
    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_AGENT, "karaulbot", Duration.ofSeconds(10), Duration.ofSeconds(30),
                10L * 1024 * 1024, 5, 3, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(2),
                Duration.ofSeconds(30), true, Duration.ofHours(12));
    }

    public FetchConfig withUserAgent(String agent) {
        return new FetchConfig(agent, robotsAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects,
                maxAttempts, backoffBase, backoffMax, hostDelay, maxCrawlDelay, obeyRobots, robotsTtl);
    }

    public FetchConfig withReadTimeout(Duration d) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, d, maxBodyBytes, maxRedirects, maxAttempts,
                backoffBase, backoffMax, hostDelay, maxCrawlDelay, obeyRobots, robotsTtl);
    }

    public FetchConfig withMaxBodyBytes(long n) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, readTimeout, n, maxRedirects, maxAttempts,
                backoffBase, backoffMax, hostDelay, maxCrawlDelay, obeyRobots, robotsTtl);
    }

    public FetchConfig withRetries(int attempts, Duration base, Duration max) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects,
                attempts, base, max, hostDelay, maxCrawlDelay, obeyRobots, robotsTtl);
    }

    public FetchConfig withHostDelay(Duration d) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects,
                maxAttempts, backoffBase, backoffMax, d, maxCrawlDelay, obeyRobots, robotsTtl);
    }

    public FetchConfig withRobots(boolean obey) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects,
                maxAttempts, backoffBase, backoffMax, hostDelay, maxCrawlDelay, obey, robotsTtl);
    }
}

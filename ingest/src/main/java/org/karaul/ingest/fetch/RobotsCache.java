package org.karaul.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per host, parsed by crawler-commons and cached. Missing (4xx) means everything is allowed;
 * a server error or an unreachable host means nothing is, for a short while (RFC 9309, section 2.3.1).
 */
final class RobotsCache {
    /** One plain GET of a robots.txt URL. */
    @FunctionalInterface
    interface Loader {
        Loaded load(String robotsUrl) throws FetchException;
    }

    record Loaded(int status, byte[] body, String contentType) {
    }

    private record Entry(BaseRobotRules rules, Instant expires) {
    }

    private static final Duration FAILURE_TTL = Duration.ofMinutes(10);

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Loader loader;
    private final String agent;
    private final Duration ttl;

    RobotsCache(Loader loader, String agent, Duration ttl) {
        this.loader = loader;
        this.agent = agent;
        this.ttl = ttl;
    }

    /** The rules for the host of {@code uri}, fetching robots.txt when not cached or expired. */
    BaseRobotRules rulesFor(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Instant now = Instant.now();
        Entry e = cache.get(origin);
        if (e == null || e.expires().isBefore(now)) {
            e = load(origin + "/robots.txt", now);
            cache.put(origin, e);
        }
        return e.rules();
    }

    private Entry load(String robotsUrl, Instant now) {
        try {
            Loaded r = loader.load(robotsUrl);
            if (r.status() >= 200 && r.status() < 300) {
                return new Entry(parser.parseContent(robotsUrl, r.body(), r.contentType(), List.of(agent)),
                        now.plus(ttl));
            }
            if (r.status() >= 400 && r.status() < 500) {
                return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(ttl));
            }
            return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), now.plus(FAILURE_TTL));
        } catch (FetchException unreachable) {
            return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), now.plus(FAILURE_TTL));
        }
    }
}

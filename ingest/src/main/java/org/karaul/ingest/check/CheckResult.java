package org.karaul.ingest.check;

import java.time.Instant;

/**
 * What one fetch of one source showed.
 *
 * @param id      source id
 * @param type    source type (rss, html, ...)
 * @param status  the verdict
 * @param items   items the source listed (0 when it failed)
 * @param newest  publication time of its newest dated item, null when none is dated
 * @param robots  robots.txt verdict for the source URL: {@code allowed}, {@code disallowed} or {@code unknown}
 * @param problem what went wrong, in one line; null when nothing did
 */
public record CheckResult(String id, String type, Status status, int items, Instant newest, String robots, String problem) {

    /** The verdict on one source. */
    public enum Status {
        /** Fetched and read, with at least one item. */
        OK("ok"),
        /** Fetched and read, but it lists nothing: a wrong URL or selector, or a dead source. */
        EMPTY("empty"),
        /** The server answered with an error status. */
        HTTP_ERROR("http error"),
        /** robots.txt forbids fetching it. */
        ROBOTS_DENIED("robots denied"),
        /** The response came but could not be read as the source's type. */
        UNPARSABLE("unparsable"),
        /** No usable answer: connection refused, timeout, body too large, redirect loop. */
        UNREACHABLE("unreachable");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the source needs fixing: anything but {@link Status#OK}. */
    public boolean broken() {
        return status != Status.OK;
    }
}

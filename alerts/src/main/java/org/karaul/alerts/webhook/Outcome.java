package org.karaul.alerts.webhook;

/**
 * What one POST of an alert came to.
 *
 * @param kind   delivered, or a failure worth retrying, or a permanent rejection
 * @param reason null when delivered, else the HTTP status and the start of the body, or the exception
 */
record Outcome(Kind kind, String reason) {
    enum Kind { DELIVERED, TRANSIENT, PERMANENT }

    static final Outcome DELIVERED = new Outcome(Kind.DELIVERED, null);

    /** Connection failures, timeouts, 408, 429 and 5xx pass; other statuses (4xx, 3xx: not followed) do not. */
    static Outcome ofStatus(int status, String reason) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        boolean transientFailure = status == 408 || status == 429 || status >= 500;
        return new Outcome(transientFailure ? Kind.TRANSIENT : Kind.PERMANENT, reason);
    }

    static Outcome transientFailure(String reason) {
        return new Outcome(Kind.TRANSIENT, reason);
    }
}

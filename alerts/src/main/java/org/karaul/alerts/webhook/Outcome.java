package org.karaul.alerts.webhook;

/**
 * What one POST of an alert came to.
 *
 * @param kind   delivered, or a failure worth retrying, or a permanent rejection
 * @param reason null when delivered, else the HTTP status and the start of the body, or the exception
 * @param status the HTTP status answered, or null when there was no answer (refused, timeout, guard)
 */
record Outcome(Kind kind, String reason, Integer status) {
    enum Kind { DELIVERED, TRANSIENT, PERMANENT }

    /** Connection failures, timeouts, 408, 429 and 5xx pass; other statuses (4xx, 3xx: not followed) do not. */
    static Outcome ofStatus(int status, String reason) {
        if (status >= 200 && status < 300) {
            return new Outcome(Kind.DELIVERED, null, status);
        }
        boolean transientFailure = status == 408 || status == 429 || status >= 500;
        return new Outcome(transientFailure ? Kind.TRANSIENT : Kind.PERMANENT, reason, status);
    }

    static Outcome transientFailure(String reason) {
        return new Outcome(Kind.TRANSIENT, reason, null);
    }
}

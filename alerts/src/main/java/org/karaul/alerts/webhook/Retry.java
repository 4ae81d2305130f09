package org.karaul.alerts.webhook;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The alert a worker is holding on after transient failures: where it is, since when, how often it failed, and when
 * the next attempt is due.
 *
 * @param partition the alert's partition of the alerts topic
 * @param offset    the alert's offset
 * @param since     the first failure
 * @param failures  failed attempts so far
 * @param nextAt    when the next attempt is due
 * @param lastError the latest failure
 */
record Retry(int partition, long offset, Instant since, int failures, Instant nextAt, String lastError) {

    static Retry first(ConsumerRecord<?, ?> r, Instant now, String error, WebhookSettings settings) {
        return new Retry(r.partition(), r.offset(), now, 1, now.plus(settings.backoff(1)), error);
    }

    Retry failedAgain(Instant now, String error, WebhookSettings settings) {
        return new Retry(partition, offset, since, failures + 1, now.plus(settings.backoff(failures + 1)), error);
    }

    boolean isFor(ConsumerRecord<?, ?> r) {
        return r.partition() == partition && r.offset() == offset;
    }

    Duration age(Instant now) {
        return Duration.between(since, now);
    }
}

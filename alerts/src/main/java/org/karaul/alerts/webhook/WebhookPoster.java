package org.karaul.alerts.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.ItemIds;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one alert to one subscription (CloudEvents HTTP binding, structured mode), signed, once per call and
 * classified as an {@link Outcome}; the {@link WebhookWorker} retries. A permanently rejected alert goes to
 * {@code karaul.webhooks.dlq} with the answer. Redirects are not followed (a 3xx is a permanent rejection, whatever
 * range its Location is in). Before every attempt the URL is checked against the guard, which resolves the host once,
 * and the POST connects to exactly the address checked ({@link PinnedHttp}).
 */
final class WebhookPoster {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookPoster.class);

    private final WebhookSettings settings;
    private final UrlGuard guard;
    private final PinnedHttp http;
    private final Producer<String, WebhookDeadLetter> deadLetters;
    private final MeterRegistry metrics;
    private final Timer latency;
    private final Clock clock;

    WebhookPoster(WebhookSettings settings, UrlGuard guard, Producer<String, WebhookDeadLetter> deadLetters,
                  MeterRegistry metrics, Clock clock) {
        this(settings, guard, deadLetters, metrics, clock, () -> (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With the TLS sockets of {@code tls} (tests trust their own certificate). */
    WebhookPoster(WebhookSettings settings, UrlGuard guard, Producer<String, WebhookDeadLetter> deadLetters,
                  MeterRegistry metrics, Clock clock, Supplier<SSLSocketFactory> tls) {
        this.settings = settings;
        this.guard = guard;
        this.http = new PinnedHttp(tls);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.latency = Timer.builder("karaul.alerts.webhook.latency")
                .description("from an alert's creation to its successful webhook delivery").publishPercentileHistogram()
                .register(metrics);
        this.clock = clock;
    }

    /** The delivery id of an alert for a subscription: the same on every attempt and every redelivery. */
    static String deliveryId(WebhookSubscription s, AlertEvent e) {
        return "dlv-" + ItemIds.sha256Hex(s.id() + "|" + e.id()).substring(0, 24);
    }

    /**
     * One POST of an alert, counted in the metrics; the caller decides what a failure means for its position.
     * A refused URL (the guard) counts as transient: the subscription holds its position rather than losing alerts.
     */
    Outcome attempt(WebhookSubscription s, AlertEvent event, byte[] body) throws InterruptedException {
        return attempt(s, deliveryId(s, event), event, body);
    }

    /** As {@link #attempt(WebhookSubscription, AlertEvent, byte[])}, with a delivery id of its own (a redrive's). */
    Outcome attempt(WebhookSubscription s, String deliveryId, AlertEvent event, byte[] body) throws InterruptedException {
        Outcome outcome = post(s, deliveryId, body);
        switch (outcome.kind()) {
            case DELIVERED -> {
                metrics.counter("karaul.alerts.webhook.deliveries", "outcome", "delivered").increment();
                if (event.time() != null) {
                    latency.record(Duration.between(event.time(), clock.instant()));
                }
            }
            case TRANSIENT -> {
                metrics.counter("karaul.alerts.webhook.deliveries", "outcome", "retry").increment();
                LOG.debug("delivery {} to subscription {} failed, will retry: {}", deliveryId, s.id(), outcome.reason());
            }
            case PERMANENT -> LOG.debug("delivery {} to subscription {} rejected: {}", deliveryId, s.id(), outcome.reason());
        }
        return outcome;
    }

    private Outcome post(WebhookSubscription s, String deliveryId, byte[] body) throws InterruptedException {
        UrlGuard.Target target;
        try {
            target = guard.check(s.url());
        } catch (UrlGuard.RefusedUrlException e) {
            return Outcome.transientFailure("refused: " + e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", AlertEvent.STRUCTURED_CONTENT_TYPE);
        headers.put("User-Agent", "karaul-webhooks/1");
        headers.put(Signatures.DELIVERY_HEADER, deliveryId);
        headers.put(Signatures.SIGNATURE_HEADER, Signatures.sign(s.secret(), deliveryId, body));
        if (Thread.interrupted()) {
            throw new InterruptedException("stopping before the POST of " + deliveryId);
        }
        try {
            PinnedHttp.Response response = http.post(target, headers, body, settings.timeout());
            int status = response.status();
            String text = response.body() == null ? "" : response.body().strip();
            String reason = "HTTP " + status + (status / 100 == 3 && response.location() != null
                    ? " redirect to " + cut(response.location(), 200) + " (not followed)" : "")
                    + (text.isBlank() ? "" : ": " + cut(text, 200));
            return Outcome.ofStatus(status, reason);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped during the POST of " + deliveryId);
            }
            return Outcome.transientFailure(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    /** Writes a permanently rejected alert to {@code karaul.webhooks.dlq}, keyed by subscription, and waits for it. */
    void deadLetter(WebhookSubscription s, AlertEvent event, int attempts, Outcome outcome) throws InterruptedException {
        String reason = outcome.reason();
        String deliveryId = deliveryId(s, event);
        metrics.counter("karaul.alerts.webhook.deliveries", "outcome", "dead.letter").increment();
        LOG.warn("dead-lettering delivery {} of alert {} to subscription {} after {} attempts: {}", deliveryId, event.id(),
                s.id(), attempts, reason);
        Integer status = outcome.status();
        String kind = status == null ? null : status / 100 == 3 ? WebhookDeadLetter.KIND_REDIRECT : WebhookDeadLetter.KIND_REJECTED;
        WebhookDeadLetter dl = new WebhookDeadLetter(s.id(), deliveryId, s.url(), attempts, reason, event, clock.instant(),
                status, kind);
        try {
            deadLetters.send(new ProducerRecord<>(Topics.WEBHOOK_DLQ.name(), s.id(), dl)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write dead letter " + deliveryId + " of alert " + event.id()
                    + " for subscription " + s.id(), e);
        }
    }
}

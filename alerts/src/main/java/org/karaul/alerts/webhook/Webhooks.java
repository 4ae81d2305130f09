package org.karaul.alerts.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetterProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link WebhookWorker} per subscription, started and stopped as subscriptions come and go in the
 * {@link SubscriptionStore}. Publishes the number of subscriptions and the largest subscriber lag as gauges.
 */
public final class Webhooks implements SubscriptionStore.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

    private final Properties kafka;
    private final WebhookSettings settings;
    private final UrlGuard guard;
    private final WebhookPoster poster;
    private final KafkaProducer<String, WebhookDeadLetter> deadLetters;
    private final DeadLetterProducer unreadable;
    private final Map<String, WebhookWorker> workers = new HashMap<>();
    private SubscriptionStore store;

    private Webhooks(Properties kafka, WebhookSettings settings, MeterRegistry metrics, DeadLetterProducer unreadable) {
        this.kafka = kafka;
        this.unreadable = unreadable;
        this.settings = settings;
        this.guard = new UrlGuard(settings.allow());
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.deadLetters = new KafkaProducer<>(p, Topics.WEBHOOK_DLQ.keySerde().serializer(),
                Topics.WEBHOOK_DLQ.valueSerde().serializer());
        this.poster = new WebhookPoster(settings, guard, deadLetters, metrics, Clock.systemUTC());
        Gauge.builder("karaul.alerts.webhook.subscriptions", this, w -> w.size()).register(metrics);
        Gauge.builder("karaul.alerts.webhook.lag.max", this, w -> w.maxLag())
                .description("largest number of alerts a subscription is behind").register(metrics);
    }

    /**
     * Loads the subscriptions and starts a worker for each.
     *
     * @param unreadable where workers dead-letter records of the alerts topic they cannot read (the caller closes it)
     */
    public static Webhooks start(Properties kafka, WebhookSettings settings, MeterRegistry metrics,
                                 DeadLetterProducer unreadable) {
        Webhooks webhooks = new Webhooks(kafka, settings, metrics, unreadable);
        webhooks.store = SubscriptionStore.start(kafka, webhooks);
        return webhooks;
    }

    public SubscriptionStore store() {
        return store;
    }

    public UrlGuard guard() {
        return guard;
    }

    public WebhookSettings settings() {
        return settings;
    }

    @Override
    public synchronized void changed(WebhookSubscription s) {
        WebhookWorker running = workers.get(s.id());
        if (running != null && running.subscription().equals(s)) {
            return;
        }
        if (running != null) {
            stop(running);
        }
        WebhookWorker worker = new WebhookWorker(s, kafka, settings.groupPrefix(), poster, unreadable);
        workers.put(s.id(), worker);
        worker.start();
        LOG.info("webhook subscription {} delivering (filter: categories {}, countries {}, min severity {})", s.id(),
                s.categories(), s.countries(), s.minSeverity().id());
    }

    @Override
    public synchronized void removed(String id) {
        WebhookWorker worker = workers.remove(id);
        if (worker != null) {
            stop(worker);
            deleteGroup(settings.groupPrefix() + id);
            LOG.info("webhook subscription {} removed", id);
        }
    }

    /** Drops a removed subscription's consumer group, so groups do not pile up; a failure only leaves it behind. */
    private void deleteGroup(String group) {
        try (Admin admin = Admin.create(kafka)) {
            admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("could not delete consumer group {}: {}", group, e.toString());
        }
    }

    synchronized int size() {
        return workers.size();
    }

    synchronized long maxLag() {
        return workers.values().stream().mapToLong(WebhookWorker::lag).max().orElse(0);
    }

    private static void stop(WebhookWorker worker) {
        worker.stop();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (store != null) {
            store.close();
        }
        synchronized (this) {
            workers.values().forEach(WebhookWorker::stop);
            for (WebhookWorker w : workers.values()) {
                w.join();
            }
            workers.clear();
        }
        deadLetters.close(Duration.ofSeconds(2));
    }
}

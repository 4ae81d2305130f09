package org.karaul.alerts.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetterProducer;
import org.karaul.ops.HealthCheck;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link WebhookWorker} per subscription, started and stopped as subscriptions come and go in the
 * {@link SubscriptionStore}. A worker whose thread dies is restarted (with a new consumer) after a backoff that grows
 * with each restart. Publishes the subscriptions per state, the longest retrying and the largest lag as gauges, and
 * each subscription's state as a health check ({@link #health()}).
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
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-supervisor");
        t.setDaemon(true);
        return t;
    });
    private SubscriptionStore store;

    /** Makes the worker of a subscription; {@code restarts} counts the workers of it that died before. */
    @FunctionalInterface
    interface WorkerFactory {
        WebhookWorker create(WebhookSubscription s, int restarts);
    }

    private final WorkerFactory factory;

    /** With {@code factory} null, workers read the alerts topic with {@code kafka}; tests pass their own. */
    Webhooks(Properties kafka, WebhookSettings settings, MeterRegistry metrics, DeadLetterProducer unreadable,
             WorkerFactory factory) {
        this.kafka = kafka;
        this.unreadable = unreadable;
        this.settings = settings;
        this.metrics = metrics;
        this.guard = new UrlGuard(settings.allow());
        this.deadLetters = new KafkaProducer<>(ClientProperties.from(kafka).idempotent().build(), Topics.WEBHOOK_DLQ.keySerde().serializer(),
                Topics.WEBHOOK_DLQ.valueSerde().serializer());
        this.poster = new WebhookPoster(settings, guard, deadLetters, metrics, clock);
        WebhookPoster posting = poster;
        this.factory = factory != null ? factory
                : (s, restarts) -> new WebhookWorker(s, kafka, settings, posting, unreadable, clock, restarts);
        Gauge.builder("karaul.alerts.webhook.subscriptions", this, w -> w.size()).register(metrics);
        Gauge.builder("karaul.alerts.webhook.lag.max", this, w -> w.maxLag())
                .description("largest number of alerts a subscription is behind").register(metrics);
        for (SubscriptionStatus.State state : SubscriptionStatus.State.values()) {
            Gauge.builder("karaul.alerts.webhook.subscriptions.state", this, w -> w.count(state)).tag("state", state.tag())
                    .description("subscriptions in each delivery state").register(metrics);
        }
        Gauge.builder("karaul.alerts.webhook.retrying.seconds.max", this, w -> w.longestRetrying())
                .description("longest time a subscription has been holding an undelivered alert").register(metrics);
        supervisor.scheduleWithFixedDelay(this::restartDead, 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads the subscriptions and starts a worker for each.
     *
     * @param unreadable where workers dead-letter records of the alerts topic they cannot read (the caller closes it)
     */
    public static Webhooks start(Properties kafka, WebhookSettings settings, MeterRegistry metrics,
                                 DeadLetterProducer unreadable) {
        Webhooks webhooks = new Webhooks(kafka, settings, metrics, unreadable, null);
        webhooks.store = SubscriptionStore.start(kafka, settings.sealer(), webhooks);
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
        WebhookWorker worker = factory.create(s, 0);
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
            deleteGroups(List.of(settings.groupPrefix() + id, settings.groupPrefix() + "redrive-" + id));
            LOG.info("webhook subscription {} removed", id);
        }
    }

    /**
     * Drops a removed subscription's consumer groups (delivery and redrive), so groups do not pile up; a failure (a
     * group that never existed) only leaves that one behind.
     */
    private void deleteGroups(List<String> groups) {
        try (Admin admin = Admin.create(kafka)) {
            admin.deleteConsumerGroups(groups).all().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("could not delete all of the consumer groups {}: {}", groups, e.toString());
        }
    }

    /** Starts a new worker in place of each that died, once its backoff (growing with its restarts) is over. */
    private synchronized void restartDead() {
        try {
            for (Map.Entry<String, WebhookWorker> e : workers.entrySet()) {
                WebhookWorker dead = e.getValue();
                if (dead.diedAt() == null
                        || clock.instant().isBefore(dead.diedAt().plus(settings.backoff(dead.restarts() + 1)))) {
                    continue;
                }
                WebhookWorker worker = factory.create(dead.subscription(), dead.restarts() + 1);
                e.setValue(worker);
                worker.start();
                metrics.counter("karaul.alerts.webhook.worker.restarts").increment();
                LOG.warn("webhook worker for subscription {} restarted (restart {})", e.getKey(), worker.restarts());
            }
        } catch (RuntimeException e) {
            LOG.error("cannot restart a webhook worker: {}", e.toString(), e); // tried again on the next round
        }
    }

    /** Each subscription's state, keyed by id. */
    public synchronized Map<String, SubscriptionStatus> statuses() {
        Map<String, SubscriptionStatus> out = new java.util.TreeMap<>();
        workers.forEach((id, w) -> out.put(id, w.status()));
        return out;
    }

    /**
     * Down only while a worker is dead (waiting to be restarted): a subscriber's outage is not this service's, so
     * retrying and failing subscriptions show in the detail but leave the check up.
     */
    public HealthCheck.Status health() {
        Map<String, SubscriptionStatus> all = statuses();
        boolean up = all.values().stream().noneMatch(st -> st.state() == SubscriptionStatus.State.RESTARTING);
        String detail = all.isEmpty() ? "no subscriptions" : all.size() + " subscriptions: " + String.join("; ",
                all.entrySet().stream().map(e -> e.getValue().describe(e.getKey())).toList());
        return new HealthCheck.Status(up, detail);
    }

    private long count(SubscriptionStatus.State state) {
        return statuses().values().stream().filter(st -> st.state() == state).count();
    }

    private double longestRetrying() {
        return statuses().values().stream().filter(st -> st.state() == SubscriptionStatus.State.RETRYING
                        || st.state() == SubscriptionStatus.State.FAILING)
                .mapToDouble(st -> Duration.between(st.since(), clock.instant()).toMillis() / 1000.0).max().orElse(0);
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
        supervisor.shutdownNow();
        supervisor.awaitTermination(5, TimeUnit.SECONDS);
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

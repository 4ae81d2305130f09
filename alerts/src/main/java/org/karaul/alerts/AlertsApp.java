package org.karaul.alerts;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.karaul.alerts.desk.DeskFeed;
import org.karaul.alerts.desk.DeskPage;
import org.karaul.alerts.desk.TriageWriter;
import org.karaul.alerts.develop.GroupingRules;
import org.karaul.alerts.dispatch.AlertDispatcher;
import org.karaul.alerts.dispatch.ConsoleSink;
import org.karaul.alerts.dispatch.DispatcherSink;
import org.karaul.alerts.dispatch.StixDropSink;
import org.karaul.alerts.http.DeskAuth;
import org.karaul.alerts.http.HttpSecurity;
import org.karaul.alerts.http.HttpServerHandle;
import org.karaul.alerts.http.LoginPage;
import org.karaul.alerts.http.RateLimiter;
import org.karaul.alerts.http.WebhookApi;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.stream.AlertsTopology;
import org.karaul.alerts.stream.FormerOffsets;
import org.karaul.alerts.trends.TrendQuery;
import org.karaul.alerts.trends.TrendTopology;
import org.karaul.alerts.trends.TrendsApi;
import org.karaul.alerts.webhook.RetentionCheck;
import org.karaul.alerts.webhook.SubscriptionStatus;
import org.karaul.alerts.webhook.Webhooks;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetterHandler;
import org.karaul.deadletter.DeadLetterProducer;
import org.karaul.deadletter.DeadLetters;
import org.karaul.ops.HealthCheck;
import org.karaul.ops.OpsServer;
import org.karaul.ops.TopicSetup;
import org.karaul.streams.ClientProperties;
import org.karaul.streams.RestoreLog;
import org.karaul.streams.StreamsHealth;
import org.karaul.streams.ThreadRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the alerts service: its one Streams application ({@link AlertsTopology}, exactly once: classified items to
 * developments, alerts and trends), the dispatcher to the sinks, the webhook deliveries, and the HTTP server with the
 * desk page and the webhook API. No record stops a stage: the stream dead-letters classified items it cannot use to
 * {@code karaul.items.classified.dlq}, the dispatcher and the webhook workers dead-letter unreadable alerts to
 * {@code karaul.alerts.dlq}.
 */
public final class AlertsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsApp.class);
    /** Category × country cells the desk's trend view shows. */
    private static final int TRENDS_SHOWN = 12;
    /** Open developments searched for spikes to mark on the trends. */
    private static final int TRENDS_SPIKES_READ = 300;
    /** How long the broker may hold a restore fetch that finds nothing new ({@link ClientProperties#restoreFetchWait}). */
    private static final Duration RESTORE_FETCH_WAIT = Duration.ofMillis(10);
    /** The stream's producer's and main consumer's first retry ({@link ClientProperties#firstRetryAfter}). */
    private static final Duration FIRST_RETRY = Duration.ofMillis(10);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final AlertDispatcher dispatcher;
    private final Webhooks webhooks;
    private final DeskFeed desk;
    private final TriageWriter triage;
    private final HttpServerHandle http;
    private final DeadLetterProducer unreadableAlerts;

    private AlertsApp(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics, AlertDispatcher dispatcher,
                      Webhooks webhooks, DeskFeed desk, TriageWriter triage, HttpServerHandle http,
                      DeadLetterProducer unreadableAlerts) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.dispatcher = dispatcher;
        this.webhooks = webhooks;
        this.desk = desk;
        this.triage = triage;
        this.http = http;
        this.unreadableAlerts = unreadableAlerts;
    }

    /** Starts every part; {@code extraSinks} are added to the configured ones (console when enabled). */
    public static AlertsApp start(AlertsConfig config, MeterRegistry metrics, OpsServer ops, List<DispatcherSink> extraSinks) {
        LOG.info("alerts starting {} ms after the JVM started", jvmUptimeMs());
        // the topic check and the group's positions are round trips to the broker: they run on a thread of their own
        // while this one loads the rules and builds the stream, which needs neither until it starts
        CompletableFuture<Long> groupReady = CompletableFuture.supplyAsync(() -> prepareGroup(config), AlertsApp::daemon);
        long buildStart = System.nanoTime();
        AlertRules rules = AlertRules.load(config.rulesPath());
        GroupingRules grouping = GroupingRules.load(config.groupingRulesPath());
        KafkaStreams streams = new KafkaStreams(AlertsTopology.build(grouping, config.developmentsPunctuate(), rules, metrics,
                config.developmentsMaxBytes(), config.sourceAlerts()),
                DeadLetterHandler.install(streamsProperties(config), new DeadLetters(Topics.ITEMS_CLASSIFIED_DLQ.name(),
                        "alerts", config.deadLetterMaxBytes()), metrics));
        streams.setStateListener((now, before) -> LOG.info("alerts streams {} -> {} ({} ms after the JVM started)", before,
                now, jvmUptimeMs()));
        RestoreLog.install(streams, "alerts");
        StreamsHealth streamsHealth = new StreamsHealth(streams::state, ThreadRecovery.install(streams, "alerts", metrics),
                config.health());
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        long built = millisSince(buildStart);
        long checked = awaitGroup(groupReady, streams, streamsMetrics);
        LOG.info("alerts stream built in {} ms beside the topic check and group positions ({} ms), {} ms waited for them",
                built, checked, millisSince(buildStart) - built);
        // the grouping and the alert rules rejoin their group and publish while the sinks, webhooks and desk page
        // start: a restarted service alerts again sooner
        streams.start();
        LOG.info("alerts stream started {} ms after the JVM started", jvmUptimeMs());
        try {
            if (config.webhooks()) {
                // checked after the stream started (it needs only the topics), before the webhook workers it guards
                RetentionCheck.require(config.kafka(), config.webhookSettings().retryMaxAge());
            }
            List<DispatcherSink> sinks = new ArrayList<>(extraSinks);
            if (config.console()) {
                sinks.add(new ConsoleSink(System.out));
            }
            if (config.stixExportDir() != null) {
                sinks.add(new StixDropSink(config.stixExportDir()));
            }
            DeadLetterProducer unreadableAlerts = DeadLetterProducer.create(config.kafka(),
                    new DeadLetters(Topics.ALERTS_DLQ.name(), "alerts", config.deadLetterMaxBytes()), metrics);
            Webhooks webhooks = config.webhooks() ? Webhooks.start(config.kafka(), config.webhookSettings(), metrics,
                    unreadableAlerts) : null;
            DeskFeed desk = config.httpPort() < 0 ? null : DeskFeed.start(config.kafka(), config.deskKeep());
            TriageWriter triage = config.httpPort() < 0 ? null : new TriageWriter(config.kafka(), metrics);
            HttpServerHandle http = config.httpPort() < 0 ? null : http(config, webhooks, desk, triage, trends(streams), metrics);
            AlertDispatcher dispatcher = new AlertDispatcher(AlertDispatcher.consumer(memberOf(config), config.dispatchGroupId()),
                    sinks, metrics, unreadableAlerts);
            if (ops != null) {
                ops.register("alerts", () -> {
                    HealthCheck.Status s = streamsHealth.check();
                    return new HealthCheck.Status(s.up() && dispatcher.healthy(),
                            s.detail() + ", dispatcher " + (dispatcher.healthy() ? "polling" : "not polling"), s.facts());
                });
                if (webhooks != null) {
                    ops.register("webhooks", webhooks::health);
                }
            }
            dispatcher.start();
            LOG.info("alerts started: rules {}, sinks {}, desk page {}", config.rulesPath() == null ? "bundled" : config.rulesPath(),
                    sinks.stream().map(DispatcherSink::id).toList(), http == null ? "off" : http.url("/"));
            return new AlertsApp(streams, streamsMetrics, dispatcher, webhooks, desk, triage, http, unreadableAlerts);
        } catch (RuntimeException | Error e) {
            streams.close(Duration.ofSeconds(5));
            streamsMetrics.close();
            throw e;
        }
    }

    /** Creates the missing topics, then gives the stream's group the former grouping's positions if it has none. */
    private static long prepareGroup(AlertsConfig config) {
        long start = System.nanoTime();
        if (config.createTopics()) {
            TopicSetup.ensure(config.kafka(), List.of(Topics.ITEMS_CLASSIFIED, Topics.ITEMS_CLASSIFIED_DLQ,
                    Topics.DEVELOPMENTS, Topics.ALERTS, Topics.ALERTS_DLQ, Topics.WEBHOOK_SUBSCRIPTIONS, Topics.WEBHOOK_DLQ,
                    Topics.FEEDBACK, Topics.SOURCE_STATUS, Topics.SOURCE_ALERTS));
        }
        // before the stream joins its group: an upgraded deployment goes on where the processor's grouping stopped
        FormerOffsets.adopt(config.kafka(), config.applicationId(), config.formerDevelopmentsGroup());
        return millisSince(start);
    }

    /** Waits for {@link #prepareGroup}; when it failed, closes the stream, which never started, and throws its failure. */
    private static long awaitGroup(CompletableFuture<Long> groupReady, KafkaStreams streams,
                                   KafkaStreamsMetrics streamsMetrics) {
        try {
            return groupReady.join();
        } catch (CompletionException e) {
            streams.close(Duration.ofSeconds(5));
            streamsMetrics.close();
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Runs {@code task} on a daemon thread of its own, so a start that fails meanwhile does not wait for it. */
    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "alerts-group-check");
        t.setDaemon(true);
        t.start();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long jvmUptimeMs() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** Client settings for a consumer group member: with the static member id when one is set. */
    static Properties memberOf(AlertsConfig config) {
        return ClientProperties.from(config.kafka()).staticMember(config.groupInstanceId()).build();
    }

    /** The trend counts as the running alert stream holds them. */
    private static TrendQuery trends(KafkaStreams streams) {
        return new TrendQuery(() -> streams.store(StoreQueryParameters.fromNameAndType(TrendTopology.COUNTS_STORE,
                QueryableStoreTypes.windowStore())), TRENDS_SHOWN);
    }

    private static HttpServerHandle http(AlertsConfig config, Webhooks webhooks, DeskFeed desk, TriageWriter triage,
                                         TrendQuery trendQuery, MeterRegistry metrics) {
        HttpSecurity security = config.httpSecurity();
        RateLimiter limiter = new RateLimiter(security.ratePerMinute(), security.rateBurst(), metrics);
        try {
            HttpServerHandle http = HttpServerHandle.start(config.httpHost(), config.httpPort());
            HttpHandler page = new DeskPage(desk, webhooks == null ? Map::of : webhooks::statuses, triage, Clock.systemUTC());
            HttpHandler trends = new TrendsApi(trendQuery, () -> desk.open(TRENDS_SPIKES_READ), Clock.systemUTC());
            if (security.deskToken() != null) {
                DeskAuth auth = new DeskAuth(security.deskToken(), security.secureCookie(), metrics);
                page = auth.protect(page, Set.of("/desk.css"));
                trends = auth.protect(trends, Set.of());
                LoginPage login = new LoginPage(auth);
                http.route(LoginPage.PATH, limiter.limit("login", login));
                http.route(LoginPage.LOGOUT, login);
            }
            http.route("/", page);
            http.route(TrendsApi.PATH, trends);
            String token = config.webhookSettings().token();
            if (webhooks != null && token != null) {
                http.route(WebhookApi.PATH, limiter.limit("api", new WebhookApi(webhooks, token, Clock.systemUTC(), metrics)));
            }
            LOG.info("desk page {}, webhook API {}, rate limit {}", security.deskToken() == null ? "open (loopback only)"
                    : "behind its login", webhooks != null && token != null ? "on (bearer token)" : "off",
                    security.ratePerMinute() == 0 ? "off" : security.ratePerMinute() + "/min per address, burst "
                            + security.rateBurst());
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties streamsProperties(AlertsConfig config) {
        return ClientProperties.from(config.kafka())
                .exactlyOnceStreams(config.applicationId(), config.stateDir(), config.commitInterval())
                .staticMember(config.groupInstanceId())
                .restoreFetchWait(RESTORE_FETCH_WAIT)
                .firstRetryAfter(FIRST_RETRY)
                .build();
    }

    /** The URL of a path on the desk page and API server ({@code url("/")} is the desk page), or null when it is off. */
    public String url(String path) {
        return http == null ? null : http.url(path);
    }

    /** Each webhook subscription's delivery state, keyed by id (empty when webhooks are off). */
    public Map<String, SubscriptionStatus> webhookStatuses() {
        return webhooks == null ? Map.of() : webhooks.statuses();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() throws InterruptedException {
        if (http != null) {
            http.close();
        }
        if (desk != null) {
            desk.close();
        }
        if (triage != null) {
            triage.close();
        }
        dispatcher.close();
        if (webhooks != null) {
            webhooks.close();
        }
        unreadableAlerts.close();
        streams.close(Duration.ofSeconds(5));
        streamsMetrics.close();
    }
}

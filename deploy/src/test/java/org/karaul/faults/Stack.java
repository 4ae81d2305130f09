package org.karaul.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topic;
import org.karaul.contract.kafka.Topics;

/**
 * One scenario's system: a broker JVM on fresh data, the processor and alerts services each in a JVM of its own
 * with their default settings except addresses, state directories, static membership ids and what the scenario
 * names; a signing webhook receiver subscribed to every alert; a watch on the output topics.
 *
 * <p>Every topic is created as production creates it ({@link Topic#toNewTopic()}, the partitions and policy of
 * {@link Topics}), so the alerts stream groups over as many partitions of {@code karaul.items.classified} as in
 * production (one task per {@code GroupingKey} cluster). The runs stay the same for the same input all the same: the
 * feed writes every item to partition 0 of {@code karaul.items.raw}, the processor keeps that order on each
 * classified partition, and each partition is grouped on its own. The inputs of every stage take records up to
 * 8 MiB, so the poison catalogue's huge record reaches the stage instead of being refused by the broker.
 */
final class Stack implements AutoCloseable {
    static final String SUBSCRIPTION = "fault-suite";
    private static final Set<String> INPUTS = Set.of(Topics.ITEMS_RAW.name(), Topics.ITEMS_CLASSIFIED.name(),
            Topics.DEVELOPMENTS.name(), Topics.ALERTS.name(), Topics.WEBHOOK_SUBSCRIPTIONS.name());

    final Path dir;
    final BrokerJvm broker;
    final ChildJvm processor;
    final ChildJvm alerts;
    final WebhookReceiver receiver;
    final Watch watch;

    private Stack(Path dir, BrokerJvm broker, ChildJvm processor, ChildJvm alerts, WebhookReceiver receiver, Watch watch) {
        this.dir = dir;
        this.broker = broker;
        this.processor = processor;
        this.alerts = alerts;
        this.receiver = receiver;
        this.watch = watch;
    }

    /**
     * Starts the broker, creates the topics, subscribes the receiver, and starts both services.
     *
     * @param alertsSettings extra alerts settings for this scenario (the webhook backoff, say)
     */
    static Stack start(Path dir, Map<String, String> alertsSettings) {
        BrokerJvm broker = BrokerJvm.start(dir);
        String bootstrap = broker.bootstrap();
        createTopics(bootstrap);
        String secret = "s3cret-" + dir.getFileName();
        WebhookReceiver receiver = WebhookReceiver.start(secret);
        subscribe(bootstrap, receiver.url(), secret);
        Map<String, String> p = new HashMap<>(Map.of("kafka.bootstrap.servers", bootstrap,
                "processor.state.dir", dir.resolve("processor-state").toString(),
                "processor.group.instance.id", "processor-1", "processor.ops.port", "-1"));
        Map<String, String> a = new HashMap<>(Map.of("kafka.bootstrap.servers", bootstrap,
                "alerts.state.dir", dir.resolve("alerts-state").toString(), "alerts.group.instance.id", "alerts-1",
                "alerts.ops.port", "-1", "alerts.http.port", "-1", "alerts.webhooks.allow", "127.0.0.1/32"));
        a.putAll(alertsSettings);
        ChildJvm processor = new ChildJvm("processor", dir.resolve("processor.log"), archive(dir, "processor"), "512m",
                "process", "--config",
                write(dir.resolve("processor.properties"), p).toString());
        ChildJvm alerts = new ChildJvm("alerts", dir.resolve("alerts.log"), archive(dir, "alerts"), "512m", "alerts",
                "--config",
                write(dir.resolve("alerts.properties"), a).toString());
        processor.start();
        alerts.start();
        return new Stack(dir, broker, processor, alerts, receiver, new Watch(bootstrap));
    }

    /**
     * The class-data-sharing archive of one kind of JVM, shared by every scenario (beside their directories): the
     * first scenario's orderly stop writes it, the later ones map it.
     */
    static Path archive(Path scenarioDir, String name) {
        return scenarioDir.resolveSibling("cds").resolve(name + ".jsa");
    }

    String bootstrap() {
        return broker.bootstrap();
    }

    /** Fails naming the log of a service or broker that exited on its own. */
    void requireAlive() {
        broker.requireAlive();
        processor.requireAlive();
        alerts.requireAlive();
    }

    private static void createTopics(String bootstrap) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> t : Topics.all()) {
            NewTopic production = t.toNewTopic();
            Map<String, String> configs = new HashMap<>(production.configs() == null ? Map.of() : production.configs());
            if (INPUTS.contains(t.name())) {
                configs.put("max.message.bytes", Integer.toString(8 * 1024 * 1024));
            }
            topics.add(production.configs(configs));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // on a loaded machine the client may resend a request the broker already carried out: a topic that
            // exists then is ours (the broker is fresh)
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot create the topics on " + bootstrap, e);
        }
    }

    private static void subscribe(String bootstrap, String url, String secret) {
        WebhookSubscription s = new WebhookSubscription(SUBSCRIPTION, url, secret, List.of(), List.of(), Severity.INFO,
                Instant.now());
        try (KafkaProducer<String, WebhookSubscription> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), Topics.WEBHOOK_SUBSCRIPTIONS.valueSerde().serializer())) {
            p.send(new ProducerRecord<>(Topics.WEBHOOK_SUBSCRIPTIONS.name(), s.id(), s)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot subscribe the receiver on " + bootstrap, e);
        }
    }

    private static Path write(Path file, Map<String, String> settings) {
        StringBuilder sb = new StringBuilder("# written by the fault suite\n");
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue().replace("\\", "\\\\")).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        watch.close();
        processor.stop();
        alerts.stop();
        receiver.close();
        broker.close();
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}

package org.karaul.contract.kafka;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.SourceAlertEvent;
import org.karaul.contract.SourceStatus;
import org.karaul.contract.Triage;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;

/** Every topic Karaul reads or writes. Names use dots only; nothing else in the code spells a topic name. */
public final class Topics {
    private static final Serde<String> KEY = Serdes.String();

    /** Crawled items, keyed by item id (hash of the canonical URL). ingest → processor. */
    public static final Topic<String, RawItem> ITEMS_RAW =
            new Topic<>("karaul.items.raw", KEY, new JsonSerde<>(RawItem.class), 3, false);

    /** Raw records the processor could not read, as received, with the reason in headers. */
    public static final Topic<byte[], byte[]> ITEMS_RAW_DLQ = deadLetters("karaul.items.raw.dlq");

    /** Classified items the alerts stream could not read, group or alert on, as received, with the reason in headers. */
    public static final Topic<byte[], byte[]> ITEMS_CLASSIFIED_DLQ = deadLetters("karaul.items.classified.dlq");

    /**
     * Developments the alert publisher could not read, as received, with the reason: written until the alert rules
     * joined the grouping's application (which reads no developments); kept for the dead letters already on it.
     */
    public static final Topic<byte[], byte[]> DEVELOPMENTS_DLQ = deadLetters("karaul.developments.dlq");

    /** Records on the alerts topic that the dispatcher or a webhook worker could not read, with the reason. */
    public static final Topic<byte[], byte[]> ALERTS_DLQ = deadLetters("karaul.alerts.dlq");

    /** Every item with its labels, keyed by item id. processor → alerts, archives, dashboards. */
    public static final Topic<String, ClassifiedItem> ITEMS_CLASSIFIED =
            new Topic<>("karaul.items.classified", KEY, new JsonSerde<>(ClassifiedItem.class), 3, false);

    /** Latest state of each development, keyed by development id (compacted). */
    public static final Topic<String, Development> DEVELOPMENTS =
            new Topic<>("karaul.developments", KEY, new JsonSerde<>(Development.class), 3, true);

    /**
     * Alerts as CloudEvents (structured JSON, plus {@code ce_*} binary-binding headers), keyed by development id;
     * one partition so every reader sees them in one order.
     */
    public static final Topic<String, AlertEvent> ALERTS =
            new Topic<>("karaul.alerts", KEY, new JsonSerde<>(AlertEvent.class), 1, false);

    /** Webhook subscriptions keyed by subscription id (compacted; a tombstone deletes one). */
    public static final Topic<String, WebhookSubscription> WEBHOOK_SUBSCRIPTIONS =
            new Topic<>("karaul.webhooks.subscriptions", KEY, new JsonSerde<>(WebhookSubscription.class), 1, true);

    /** Webhook deliveries the receiver rejected permanently (4xx, 3xx), keyed by subscription id, with the reason. */
    public static final Topic<String, WebhookDeadLetter> WEBHOOK_DLQ =
            new Topic<>("karaul.webhooks.dlq", KEY, new JsonSerde<>(WebhookDeadLetter.class), 1, false);

    /** Analysts' triage marks keyed by development id (compacted; the latest mark wins, a tombstone clears it). */
    public static final Topic<String, Triage> FEEDBACK =
            new Topic<>("karaul.feedback", KEY, new JsonSerde<>(Triage.class), 1, true);

    /** Each crawled source's health, keyed by source id (compacted; written by ingest after every poll). */
    public static final Topic<String, SourceStatus> SOURCE_STATUS =
            new Topic<>("karaul.sources.status", KEY, new JsonSerde<>(SourceStatus.class), 1, true);

    /**
     * Source-health alerts as CloudEvents ({@code org.karaul.source.*}), keyed by source id: a source turned silent or
     * broken, or recovered. Written by the alerts service only when {@code alerts.sources.alerts.enabled}.
     */
    public static final Topic<String, SourceAlertEvent> SOURCE_ALERTS =
            new Topic<>("karaul.sources.alerts", KEY, new JsonSerde<>(SourceAlertEvent.class), 1, false);

    /** The crawler's memory of URLs already emitted, keyed by item id (compacted). */
    public static final Topic<String, SeenUrl> INGEST_SEEN =
            new Topic<>("karaul.ingest.seen", KEY, new JsonSerde<>(SeenUrl.class), 3, true);

    /**
     * Scratch output of {@code karaul loadtest}'s pass-through Streams application (raw records copied as they are),
     * the yardstick for the processor's throughput; only the load test creates and writes it, so not in {@link #all()}.
     */
    public static final Topic<byte[], byte[]> LOADTEST_PASSTHROUGH =
            new Topic<>("karaul.loadtest.passthrough", Serdes.ByteArray(), Serdes.ByteArray(), 3, false);

    private Topics() {
    }

    /** A dead-letter topic: original key and value bytes (a large value cut to an excerpt), karaul.dlq.* headers. */
    private static Topic<byte[], byte[]> deadLetters(String name) {
        return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray(), 1, false);
    }

    /** All topics, for creating them up front. */
    public static List<Topic<?, ?>> all() {
        return List.of(ITEMS_RAW, ITEMS_RAW_DLQ, ITEMS_CLASSIFIED, ITEMS_CLASSIFIED_DLQ, DEVELOPMENTS, DEVELOPMENTS_DLQ,
                ALERTS, ALERTS_DLQ, INGEST_SEEN, WEBHOOK_SUBSCRIPTIONS, WEBHOOK_DLQ, FEEDBACK,
                SOURCE_STATUS, SOURCE_ALERTS);
    }
}

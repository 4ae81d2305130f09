package org.karaul.alerts.sourcehealth;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.karaul.contract.SourceAlert;
import org.karaul.contract.SourceAlertEvent;
import org.karaul.contract.SourceStatus;
import org.karaul.deadletter.BadRecordException;

/**
 * Raises a source alert when a source's state changes: {@code silent} or {@code broken} when it enters either (also
 * from one into the other), {@code recovered} when it is {@code ok} again. Nothing while a state holds, nothing for
 * {@code unknown} (no poll yet), and nothing for a source first seen {@code ok}. The state alerted last is kept per
 * source, so a restart or a replay of the compacted status topic does not raise an alert again.
 *
 * <p>A record without value, or whose key is not its source id, is refused with a {@link BadRecordException}, which
 * the app's {@code DeadLetterHandler} dead-letters.
 */
final class SourceHealthAlerter implements Processor<String, SourceStatus, String, SourceAlertEvent> {
    static final String OK = "ok";
    private static final Set<String> TROUBLE = Set.of(SourceAlert.SILENT, SourceAlert.BROKEN);
    private final MeterRegistry metrics;
    private ProcessorContext<String, SourceAlertEvent> context;
    private KeyValueStore<String, String> memory;

    SourceHealthAlerter(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SourceAlertEvent> context) {
        this.context = context;
        this.memory = context.getStateStore(SourceHealthTopology.MEMORY_STORE);
    }

    @Override
    public void process(Record<String, SourceStatus> record) {
        SourceStatus s = record.value();
        if (s == null || !s.sourceId().equals(record.key())) {
            RecordMetadata at = context.recordMetadata().orElseThrow(() -> new IllegalStateException("no record metadata"));
            throw new BadRecordException(s == null ? "record has no value"
                    : "key '" + record.key() + "' is not the source id " + s.sourceId(), at.topic(), at.partition(), at.offset());
        }
        String before = memory.get(s.sourceId());
        String type = type(before, s.state());
        if (!s.state().equals("unknown")) {
            memory.put(s.sourceId(), s.state());
        }
        if (type == null) {
            return;
        }
        SourceAlert alert = new SourceAlert(s.sourceId() + "." + type + "." + s.at().toEpochMilli(), type, s.sourceId(),
                before == null ? OK : before, s.consecutiveFailures(), s.consecutiveEmpty(), s.lastSuccess(), s.lastNewItem(),
                s.lastError(), s.at());
        metrics.counter("karaul.alerts.source.alerts", "type", type).increment();
        context.forward(record.withValue(SourceAlertEvent.of(alert)));
    }

    /** The alert a change from {@code before} (null: never seen) to {@code now} raises, or null. */
    static String type(String before, String now) {
        if (TROUBLE.contains(now)) {
            return now.equals(before) ? null : now;
        }
        if (now.equals(OK) && before != null && TROUBLE.contains(before)) {
            return SourceAlert.RECOVERED;
        }
        return null;
    }
}

package org.karaul.alerts.publish;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Development;
import org.karaul.deadletter.BadRecordException;
import org.karaul.streams.KeyValues;

/**
 * Turns development transitions into alerts ({@link AlertDecision}, the same decision the backtest applies). A
 * development raises {@code opened} the first time it passes its rule (which may be on a later update, once a second
 * source corroborates it) and {@code escalated} when its severity rises above the last alerted one, outside the
 * cooldown. Copies of a story are updates, so they raise nothing. A closed development is forgotten.
 *
 * <p>A development without value, or whose key is not its id, is refused with a {@link BadRecordException}, which
 * the app's {@code DeadLetterHandler} answers by dead-lettering the input record that made it.
 */
final class AlertPublisher implements Processor<String, Development, String, AlertEvent> {
    private final AlertDecision decision;
    private final MeterRegistry metrics;
    private ProcessorContext<String, AlertEvent> context;
    private KeyValues<AlertMemory> memory;

    AlertPublisher(AlertRules rules, MeterRegistry metrics) {
        this.decision = new AlertDecision(rules);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, AlertEvent> context) {
        this.context = context;
        KeyValueStore<String, AlertMemory> store = context.getStateStore(AlertTopology.MEMORY_STORE);
        this.memory = KeyValues.of(store);
    }

    @Override
    public void process(Record<String, Development> record) {
        // the item that moved the development (on the stage's repartition topic); none when a punctuation did
        RecordMetadata at = context.recordMetadata().filter(m -> m.topic() != null).orElse(null);
        int partition = at == null ? -1 : at.partition();
        long offset = at == null ? record.timestamp() : at.offset();
        Development d = record.value();
        if (d == null) {
            throw new BadRecordException("development has no value", at == null ? null : at.topic(), partition, offset);
        }
        if (!d.id().equals(record.key())) {
            // a development's memory lives in the task of its key: under another key it would alert twice
            throw new BadRecordException("key '" + record.key() + "' is not the development id " + d.id(),
                    at == null ? null : at.topic(), partition, offset);
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Optional<AlertDecision.Raise> raise = decision.decide(d, now, memory);
        if (raise.isEmpty()) {
            return;
        }
        String type = raise.get().type();
        Alert alert = Alerts.of(d, type, raise.get().rule(), now, partition, offset);
        AlertEvent event = AlertEvent.of(alert);
        metrics.counter("karaul.alerts.published", "type", type, "severity", d.severity().id(),
                "category", d.categories().isEmpty() ? "none" : d.categories().get(0)).increment();
        context.forward(new Record<>(d.id(), event, now.toEpochMilli(), CloudEvents.kafkaHeaders(event)));
    }
}

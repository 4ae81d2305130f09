package org.karaul.processor;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.karaul.contract.kafka.GroupingKey;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetters;
import org.karaul.processor.classify.Classifier;
import org.karaul.streams.ProcessIdStore;

/**
 * The processor's topology, built in this one place for both {@link ProcessorApp} and the tests.
 *
 * <pre>
 * karaul.items.raw ──classify──┬── classified ──▶ karaul.items.classified
 *                              │                   (relevant: partition of GroupingKey; irrelevant: by item id)
 *                              └── dead letter ─▶ karaul.items.raw.dlq (original bytes + karaul.dlq.* headers)
 * </pre>
 * Keys pass through unchanged (the item id; a missing key becomes the item id), so no repartitioning happens. A
 * relevant item is written to the partition its {@link GroupingKey} names (the cluster of its leading category's family), where the
 * alerts stream groups it without a repartition topic of its own; an irrelevant one to its item id's partition.
 * What {@code classify} refuses is listed in {@link ClassifyProcessor}; anything else that goes wrong on a record
 * (in Streams' own serialization, say) is dead-lettered by the {@code DeadLetterHandler} the app installs.
 *
 * <p>Classifying keeps no state, but the topology holds one empty persistent store ({@value #INSTANCE_STORE}, not
 * logged, never read) for what it makes Kafka Streams do: keep its process id in the state directory. Under
 * exactly-once the transactional id of each stream thread is the application id, the process id and the thread
 * index; without a persistent store the process id is new at every start, so an instance killed in the middle of a
 * transaction leaves it open until the transaction timeout (10 s) and the broker's next sweep for timed-out
 * transactions (up to 10 s more), and its restart can neither read its committed positions nor have its output
 * read before then. With the same process id the restarted instance fences and aborts that transaction at once.
 * The store is a {@link ProcessIdStore}: persistent in name only, so no RocksDB is loaded or opened at start.
 */
public final class ProcessorTopology {
    /** The store that makes Kafka Streams keep the process id (and so the transactional ids) across restarts. */
    public static final String INSTANCE_STORE = "classify-instance";

    private ProcessorTopology() {
    }

    /**
     * @param deadLetters  how a refused record is written to {@code karaul.items.raw.dlq}
     * @param maxItemBytes largest raw value classified; larger ones are dead-lettered (as an excerpt)
     */
    public static Topology build(Classifier classifier, MeterRegistry metrics, Clock clock, DeadLetters deadLetters,
                                 int maxItemBytes) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(ProcessIdStore.builder(INSTANCE_STORE));
        KStream<byte[], byte[]> raw = builder.stream(Topics.ITEMS_RAW.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw-items"));
        Map<String, KStream<byte[], Outcome>> outcomes = raw
                .process(() -> new ClassifyProcessor(classifier, clock, metrics, deadLetters, maxItemBytes), Named.as("classify"),
                        INSTANCE_STORE)
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.isClassified(), Branched.as("classified"))
                .defaultBranch(Branched.as("dead-letter"));
        outcomes.get("outcome-classified")
                .mapValues(Outcome::toClassified, Named.as("unwrap-classified"))
                .to(Topics.ITEMS_CLASSIFIED.name(), Produced.with(Serdes.ByteArray(), Serdes.serdeFrom(new ClassifiedWriter(),
                                (topic, bytes) -> {
                                    throw new UnsupportedOperationException("the processor only writes classified items");
                                }))
                        .withName("write-classified")
                        .withStreamPartitioner((topic, key, r, partitions) -> r != null && r.item().relevant()
                                ? Optional.of(Set.of(GroupingKey.partition(r.item(), partitions))) : Optional.empty()));
        outcomes.get("outcome-dead-letter")
                .mapValues(Outcome::rawValue, Named.as("unwrap-dead-letter"))
                .to(Topics.ITEMS_RAW_DLQ.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("write-dead-letter"));
        return builder.build();
    }
}

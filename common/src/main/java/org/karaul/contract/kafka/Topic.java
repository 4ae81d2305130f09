package org.karaul.contract.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its name, serdes and creation settings, defined once in {@link Topics}.
 *
 * @param name       dotted topic name
 * @param keySerde   serde of the key
 * @param valueSerde serde of the value
 * @param partitions partitions to create it with
 * @param compacted  whether the latest value per key is what matters (cleanup.policy=compact)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {

    /** The topic as {@code Admin.createTopics} wants it, with the cluster's default replication factor. */
    public NewTopic toNewTopic() {
        NewTopic topic = new NewTopic(name, java.util.Optional.of(partitions), java.util.Optional.empty());
        return compacted ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
    }
}

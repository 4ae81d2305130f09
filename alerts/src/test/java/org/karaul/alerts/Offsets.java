package org.karaul.alerts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Test isolation on the shared broker: commits the end offsets of topics for a new consumer group (a Streams
 * application id), so an application started under it reads only what is written after this call.
 */
public final class Offsets {
    private Offsets() {
    }

    public static void skipToEnd(Properties kafka, String group, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, d) -> d.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> commit.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, commit).all().get();
        }
    }
}

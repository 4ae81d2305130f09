package org.karaul.export.source;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;
import org.karaul.topics.TopicSnapshot;

/**
 * Reads {@code karaul.developments} from the beginning to the end it has when the read starts
 * ({@link TopicSnapshot}: {@code read_committed}, no consumer group, so the live pipeline never sees it).
 */
public final class DevelopmentsTopic {
    private DevelopmentsTopic() {
    }

    /**
     * @param kafka   client properties ({@code bootstrap.servers} and any security settings)
     * @param window  the last-seen window to keep
     * @param timeout how long to wait for the topic's end before giving up
     * @throws IllegalStateException when the topic does not exist or its end is not reached in time
     */
    public static Read read(Properties kafka, Window window, Duration timeout) {
        Deserializer<Development> reader = Topics.DEVELOPMENTS.valueSerde().deserializer();
        Latest latest = new Latest(window);
        TopicSnapshot.read(kafka, Topics.DEVELOPMENTS.name(), "karaul-export", timeout, r -> {
            if (r.value() == null) {
                latest.put(r.key(), null);
                return;
            }
            try {
                latest.put(r.key(), reader.deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
                latest.skip(r.topic() + "-" + r.partition() + "@" + r.offset(), e.getMessage());
            }
        });
        return latest.read();
    }
}

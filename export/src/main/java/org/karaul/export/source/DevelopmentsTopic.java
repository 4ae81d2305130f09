package org.karaul.export.source;

import java.time.Duration;
import java.util.Properties;
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
        Latest latest = new Latest(window);
        TopicSnapshot.read(kafka, Topics.DEVELOPMENTS, "karaul-export", timeout, new TopicSnapshot.Records<>() {
            @Override
            public void read(String key, Development value) {
                latest.put(key, value);
            }

            @Override
            public void unreadable(String where, RuntimeException problem) {
                latest.skip(where, problem.getMessage());
            }
        });
        return latest.read();
    }
}

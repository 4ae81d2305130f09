package org.karaul.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.karaul.contract.kafka.Topic;
import org.karaul.contract.kafka.Topics;

/**
 * Creates the pipeline's topics before the services start, each with {@code message.timestamp.type=LogAppendTime}
 * so that every record's timestamp is the broker's append time; the services' own set-up
 * ({@code TopicSetup.ensure}) only creates missing topics, so it leaves these as they are. A topic that already
 * exists with producer timestamps is refused (its figures would mix clocks), naming it.
 */
final class PipelineTopics {
    static final String APPEND_TIME = "LogAppendTime";

    private PipelineTopics() {
    }

    static List<Topic<?, ?>> measured() {
        List<Topic<?, ?>> all = new ArrayList<>(Topics.all());
        all.add(Topics.LOADTEST_PASSTHROUGH);
        return all;
    }

    static void create(String servers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (Topic<?, ?> t : measured()) {
                if (existing.contains(t.name())) {
                    present.add(t.name());
                    continue;
                }
                NewTopic n = t.toNewTopic();
                Map<String, String> configs = new HashMap<>(n.configs() == null ? Map.of() : n.configs());
                configs.put("message.timestamp.type", APPEND_TIME);
                missing.add(n.configs(configs));
            }
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            requireAppendTime(admin, present);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics on " + servers, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the topics on " + servers + ": " + e.getMessage(), e);
        }
    }

    private static void requireAppendTime(Admin admin, List<String> topics) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);
        List<String> wrong = new ArrayList<>();
        configs.forEach((r, c) -> {
            var type = c.get("message.timestamp.type");
            if (type == null || !APPEND_TIME.equals(type.value())) {
                wrong.add(r.name());
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("topics " + wrong + " exist without message.timestamp.type=" + APPEND_TIME
                    + ", so their timestamps are not the broker's; use a broker of its own for the load test "
                    + "(the embedded one by default) or set that on them");
        }
    }
}

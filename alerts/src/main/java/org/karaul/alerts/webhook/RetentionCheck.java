package org.karaul.alerts.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.karaul.contract.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up check that {@code karaul.alerts} keeps alerts at least as long as a webhook subscription may hold one
 * ({@code alerts.webhooks.retry.max.age}): otherwise the broker could delete alerts a failing subscription has not
 * delivered yet, and they would be lost without a trace. A shorter {@code retention.ms} refuses start-up; when the
 * topic's configuration cannot be read (no DescribeConfigs permission, broker slow) a warning says the check was not
 * made and start-up goes on.
 */
public final class RetentionCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionCheck.class);

    private RetentionCheck() {
    }

    /** Throws when the alerts topic's retention is shorter than {@code maxAge}. */
    public static void require(Properties kafka, Duration maxAge) {
        Long retention = retentionMs(kafka);
        if (retention == null) {
            return;
        }
        String problem = problem(retention, maxAge);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        LOG.info("{} keeps alerts for {}, longer than alerts.webhooks.retry.max.age {}", Topics.ALERTS.name(),
                retention < 0 ? "ever" : Duration.ofMillis(retention), maxAge);
    }

    /** Why {@code retentionMs} (-1: forever) cannot hold alerts for {@code maxAge}, or null when it can. */
    static String problem(long retentionMs, Duration maxAge) {
        if (retentionMs < 0 || retentionMs >= maxAge.toMillis()) {
            return null;
        }
        return "topic " + Topics.ALERTS.name() + " keeps records for " + Duration.ofMillis(retentionMs) + " (retention.ms="
                + retentionMs + "), less than alerts.webhooks.retry.max.age " + maxAge + ": alerts a failing webhook"
                + " subscription still holds could be deleted before delivery. Raise the topic's retention.ms (kafka-configs"
                + " --alter --entity-type topics --entity-name " + Topics.ALERTS.name() + " --add-config retention.ms=...)"
                + " or lower alerts.webhooks.retry.max.age";
    }

    private static Long retentionMs(Properties kafka) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERTS.name());
        try (Admin admin = Admin.create(kafka)) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(topic)).all().get(15, TimeUnit.SECONDS);
            ConfigEntry e = configs.get(topic).get(TopicConfig.RETENTION_MS_CONFIG);
            return e == null || e.value() == null ? null : Long.parseLong(e.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("could not read the retention of {} to check it against alerts.webhooks.retry.max.age: {}",
                    Topics.ALERTS.name(), e.toString());
            return null;
        }
    }
}

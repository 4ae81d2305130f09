package org.karaul.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a one-machine pipeline is started.
 *
 * @param name             short name of the command ({@code run}, {@code demo}): the Kafka application, group and
 *                         transactional ids start with {@code karaul-<name>-}, so each keeps its own offsets and state
 * @param dataDir          where the broker data, Streams state and generated files live
 * @param bootstrap        an existing Kafka cluster to use, or null to start the embedded broker in {@code dataDir/kafka}
 * @param clean            whether the previous state is deleted first (the broker's directory, or with {@code bootstrap}
 *                         the {@code karaul.*} and {@code karaul-demo-*} topics); false resumes where the last run stopped
 * @param kafkaPort        embedded broker's client port
 * @param controllerPort   embedded broker's controller port
 * @param opsPort          metrics and health endpoint port (0 picks a free one)
 * @param deskPort         desk page and webhook API port (0 picks a free one)
 * @param webhookToken     bearer token of the webhook API
 * @param hostDelay        least gap between two requests to one host
 * @param obeyRobots       whether robots.txt is obeyed (off only for sites served by Karaul itself)
 * @param loopbackWebhooks whether webhook receivers on loopback addresses are allowed
 */
public record LocalOptions(String name, Path dataDir, String bootstrap, boolean clean, int kafkaPort, int controllerPort,
                           int opsPort, int deskPort, String webhookToken, Duration hostDelay, boolean obeyRobots,
                           boolean loopbackWebhooks) {

    public LocalOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(webhookToken, "webhookToken");
        Objects.requireNonNull(hostDelay, "hostDelay");
    }

    /** Prefix of this command's application, consumer group and transactional ids. */
    String idPrefix() {
        return "karaul-" + name + "-";
    }
}

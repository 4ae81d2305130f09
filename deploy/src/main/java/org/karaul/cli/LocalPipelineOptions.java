package org.karaul.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.karaul.local.LocalOptions;
import picocli.CommandLine.Option;

/**
 * The options {@code karaul run} and {@code karaul demo} share: where Kafka is, where state is kept, the ports and the
 * webhook API token. Each command keeps its own default ports (so a demo and a run can share a machine) by handing
 * them to the constructor of the instance it mixes in; picocli shows a field's starting value as its default.
 */
final class LocalPipelineOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of starting the embedded broker.")
    String bootstrap;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the broker data, Streams state and generated "
            + "files are kept (default: .karaul/<command> in the Karaul checkout).")
    Path dataDir;

    @Option(names = "--kafka-port", description = "Embedded broker's client port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", description = "Embedded broker's controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--ops-port", description = "Port of the metrics and health endpoint (default: ${DEFAULT-VALUE}).")
    int opsPort;

    @Option(names = "--desk-port", description = "Port of the desk page and the webhook API "
            + "(default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int deskPort = 8084;

    @Option(names = "--webhook-token", paramLabel = "TOKEN", description = "Bearer token of the webhook API "
            + "(default: a random one, printed at start).")
    String webhookToken;

    LocalPipelineOptions(int kafkaPort, int controllerPort, int opsPort) {
        this.kafkaPort = kafkaPort;
        this.controllerPort = controllerPort;
        this.opsPort = opsPort;
    }

    /** The data directory given, or {@code .karaul/<command>} under {@code karaul.home} (the checkout). */
    Path dataDir(String command) {
        return dataDir != null ? dataDir : Path.of(System.getProperty("karaul.home", "."), ".karaul", command);
    }

    /** The token given, or a random one (each run prints it). */
    String webhookToken() {
        return webhookToken != null ? webhookToken : UUID.randomUUID().toString();
    }

    /** How the command's pipeline starts, from these options and what only the command decides. */
    LocalOptions local(String command, Path dir, boolean clean, String token, Duration hostDelay, boolean obeyRobots,
                       boolean loopbackWebhooks) {
        return new LocalOptions(command, dir, bootstrap, clean, kafkaPort, controllerPort, opsPort, deskPort, token,
                hostDelay, obeyRobots, loopbackWebhooks);
    }
}

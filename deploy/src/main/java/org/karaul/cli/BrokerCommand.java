package org.karaul.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.karaul.kafka.embedded.EmbeddedKafka;
import org.karaul.ops.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code karaul broker}: runs the embedded single-node Kafka broker (KRaft) in its own process until SIGINT or
 * SIGTERM, keeping its data in a directory so that a restart, even after {@code kill -9}, resumes with the topics,
 * offsets and transactions it had. For trials and the fault suite; not a production broker.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node Kafka broker (KRaft, broker and controller in one) on 127.0.0.1 until stopped.",
                "Its data stays in --data-dir: a restart resumes where it was (formatted only when new).",
                "Prints 'karaul broker ready at HOST:PORT' when clients can connect."})
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Broker data directory (kept).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "19092", paramLabel = "PORT",
            description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "19093", paramLabel = "PORT",
            description = "KRaft controller port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Override
    public Integer call() throws Exception {
        Lifecycle life = new Lifecycle();
        EmbeddedKafka kafka = life.add("broker", EmbeddedKafka.start(dataDir, kafkaPort, controllerPort, false));
        System.out.println("karaul broker ready at " + kafka.bootstrapServers());
        System.out.flush();
        life.awaitSignal();
        return 0;
    }
}

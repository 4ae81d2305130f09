package org.karaul.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.karaul.local.LocalOptions;
import picocli.CommandLine;

/** {@code run} and {@code demo} share their pipeline options and keep their own default ports. */
class LocalPipelineOptionsTest {
    @Test
    void shouldKeepEachCommandsDefaults() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs();
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs();
        assertThat(ports(run.shared)).containsExactly(19192, 19193, 18180, 8084);
        assertThat(ports(demo.shared)).containsExactly(19092, 19093, 18080, 8084);
        assertThat(run.shared.dataDir("run").toString()).endsWith(Path.of(".karaul", "run").toString());
        assertThat(run.shared.bootstrap).isNull();
    }

    @Test
    void shouldShowEachCommandsDefaultsInItsHelp() {
        assertThat(help(new RunCommand())).contains("client port (default: 19192)").contains("(default: 18180)")
                .contains("(default: 8084; 0 picks a free one)");
        assertThat(help(new DemoCommand())).contains("client port (default: 19092)").contains("(default: 18080)");
    }

    @Test
    void shouldTakeTheSameOptionsOnBothCommands() {
        for (Object command : new Object[] {new RunCommand(), new DemoCommand()}) {
            CommandLine cli = new CommandLine(command);
            cli.parseArgs("--bootstrap", "k:9092", "--data-dir", "/tmp/x", "--kafka-port", "1", "--controller-port", "2",
                    "--ops-port", "3", "--desk-port", "0", "--webhook-token", "secret-token");
            LocalPipelineOptions shared = command instanceof RunCommand r ? r.shared : ((DemoCommand) command).shared;
            LocalOptions local = shared.local("x", shared.dataDir("x"), false, shared.webhookToken(), Duration.ofSeconds(1),
                    true, false);
            assertThat(local).isEqualTo(new LocalOptions("x", Path.of("/tmp/x"), "k:9092", false, 1, 2, 3, 0,
                    "secret-token", Duration.ofSeconds(1), true, false));
        }
    }

    private static int[] ports(LocalPipelineOptions o) {
        return new int[] {o.kafkaPort, o.controllerPort, o.opsPort, o.deskPort};
    }

    private static String help(Object command) {
        StringWriter out = new StringWriter();
        new CommandLine(command).usage(new PrintWriter(out));
        return out.toString().replaceAll("\\s+", " ");
    }
}

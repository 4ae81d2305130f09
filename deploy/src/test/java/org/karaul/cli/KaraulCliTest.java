package org.karaul.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KaraulCliTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = KaraulCli.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void shouldListEverySubcommandInHelp() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("run", "demo", "sources", "ingest", "process", "alerts", "webhooks", "classify", "eval", "extract", "parse-feed");
    }

    @Test
    void shouldNameEachSubcommandAsItsOwnCommandDoes() {
        KaraulCli.SUBCOMMANDS.forEach((name, command) ->
                assertThat(new CommandLine(command.get()).getCommandName()).as("subcommand listed as " + name).isEqualTo(name));
    }

    @Test
    void shouldBuildOnlyTheNamedSubcommandForAStartAndAllForHelp() {
        assertThat(KaraulCli.commandLine(new String[] {"alerts", "--config", "x"}).getSubcommands()).containsOnlyKeys("alerts");
        assertThat(KaraulCli.commandLine(new String[] {"--help"}).getSubcommands().keySet())
                .containsAll(KaraulCli.SUBCOMMANDS.keySet()).contains("help");
        assertThat(KaraulCli.commandLine(new String[] {"alrets"}).getSubcommands()).hasSize(KaraulCli.SUBCOMMANDS.size() + 1);
    }

    @Test
    void shouldRefuseToStartAServiceWithAnUnknownKeyNamingKeyAndFile() throws Exception {
        Path config = Files.writeString(dir.resolve("ingest.properties"), "ingest.poll.everything=true\n");
        Run r = run("ingest", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ingest.poll.everything").contains("ingest.properties");
    }

    @Test
    void shouldRefuseAnInvalidValueNamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("alerts.properties"), "alerts.http.port=eighty\n");
        Run r = run("alerts", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("alerts.http.port").contains("eighty");
    }

    @Test
    void shouldRequireASubscriptionToRedrive() {
        Run r = run("webhooks", "redrive");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--subscription");
    }

    @Test
    void shouldRefuseTheRetiredMaxAttemptsKeyOnRedrive() throws Exception {
        Path config = Files.writeString(dir.resolve("alerts.properties"), "alerts.webhooks.max.attempts=8\n");
        Run r = run("webhooks", "redrive", "--subscription", "s1", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("alerts.webhooks.max.attempts").contains("alerts.properties");
    }
}

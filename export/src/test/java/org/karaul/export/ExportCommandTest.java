package org.karaul.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.karaul.contract.Development;
import org.karaul.export.testing.Demo;
import org.karaul.export.testing.MispValidator;
import org.karaul.export.testing.StixValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command on a JSONL file: options, window, output file. */
class ExportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ExportCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Path developments(Path dir) throws Exception {
        List<String> lines = List.of(Demo.borderClash(), Demo.plot(), Demo.sparse()).stream().map(Demo::jsonLine).toList();
        return Files.write(dir.resolve("developments.jsonl"), lines);
    }

    @Test
    void shouldWriteAValidStixBundleOfTheWindow(@TempDir Path dir) throws Exception {
        Path in = developments(dir);
        Path file = dir.resolve("out/bundle.json");

        int code = run("stix", "--in", in.toString(), "--from", "2026-11-22", "--out", file.toString());

        assertThat(code).as(err.toString()).isZero();
        String json = Files.readString(file);
        assertThat(new StixValidator().validate(json)).isEmpty();
        JsonNode bundle = new ObjectMapper().readTree(json);
        // the plot (a day before) is outside the window; the clash and the sparse one are inside
        assertThat(bundle.path("objects").findValuesAsText("type").stream().filter("report"::equals)).hasSize(2);
        assertThat(err.toString()).contains("2 development(s)").contains("as stix to " + file);
        assertThat(out.toString()).isEmpty();
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldWriteMispEventsToStandardOutput(@TempDir Path dir) throws Exception {
        int code = run("MISP", "--in", developments(dir).toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode events = new ObjectMapper().readTree(out.toString());
        assertThat(new MispValidator().validateList(events)).isEmpty();
        assertThat(events.path("response")).hasSize(3);
    }

    @Test
    void shouldRefuseSinceWithFromAndAnUnknownFormat(@TempDir Path dir) throws Exception {
        String in = developments(dir).toString();

        assertThat(run("stix", "--in", in, "--since", "7d", "--from", "2026-11-01")).isEqualTo(2);
        assertThat(err.toString()).contains("either --since or --from/--to");
        assertThat(run("csv", "--in", in)).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'csv'");
        assertThat(run("stix", "--in", in, "--since", "a week")).isEqualTo(2);
        assertThat(err.toString()).contains("not a duration");
    }

    @Test
    void shouldKeepWhatWasLastSeenWithinSince(@TempDir Path dir) throws Exception {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        Development recent = Demo.seenAt(Demo.plot(), anHourAgo, anHourAgo, "recent");
        Path in = Files.write(dir.resolve("d.jsonl"), List.of(Demo.jsonLine(recent), Demo.jsonLine(Demo.borderClash())));

        int code = run("misp", "--in", in.toString(), "--since", "1d");

        assertThat(code).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("response")).hasSize(1);
    }
}

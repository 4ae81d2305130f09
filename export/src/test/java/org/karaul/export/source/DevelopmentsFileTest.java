package org.karaul.export.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.karaul.contract.Development;
import org.karaul.export.testing.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentsFileTest {

    @Test
    void shouldKeepTheLatestVersionPerIdAndSkipBadLines(@TempDir Path dir) throws Exception {
        Development first = Demo.borderClash();
        Development later = Demo.seenAt(first, first.firstSeen(), first.lastSeen().plusSeconds(600), "updated title");
        Path file = Files.write(dir.resolve("d.jsonl"), List.of(Demo.jsonLine(first), "{not json", "", "null", Demo.jsonLine(Demo.plot()),
                Demo.jsonLine(later)));

        Read read = DevelopmentsFile.read(file, Window.ALL);

        assertThat(read.developments()).extracting(Development::id).containsExactly("dev-border-1", "dev-plot-7");
        assertThat(read.developments().get(0).title()).isEqualTo("updated title");
        assertThat(read.records()).isEqualTo(5);
        assertThat(read.skipped()).hasSize(2).allSatisfy(s -> assertThat(s).startsWith(file + ":"));
        assertThat(read.skipped().get(0)).startsWith(file + ":2");
    }

    @Test
    void shouldFilterByLastSeen(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("d.jsonl"), List.of(Demo.jsonLine(Demo.borderClash()), Demo.jsonLine(Demo.plot())));

        // the plot was last seen a day before T0, the clash half an hour after
        Read recent = DevelopmentsFile.read(file, new Window(Demo.T0, null));
        Read older = DevelopmentsFile.read(file, new Window(null, Demo.T0));

        assertThat(recent.developments()).extracting(Development::id).containsExactly("dev-border-1");
        assertThat(older.developments()).extracting(Development::id).containsExactly("dev-plot-7");
    }

    @Test
    void shouldDecideTheWindowOnTheLatestVersion(@TempDir Path dir) throws Exception {
        Development clash = Demo.borderClash();
        Development movedOut = Demo.seenAt(clash, clash.firstSeen(), Demo.T0.plusSeconds(86_400), "later");
        Path inThenOut = Files.write(dir.resolve("a.jsonl"), List.of(Demo.jsonLine(clash), Demo.jsonLine(movedOut)));
        Path outThenIn = Files.write(dir.resolve("b.jsonl"), List.of(Demo.jsonLine(movedOut), Demo.jsonLine(clash)));
        Window day = new Window(Demo.T0, Demo.T0.plusSeconds(3600));

        assertThat(DevelopmentsFile.read(inThenOut, day).developments()).isEmpty();
        assertThat(DevelopmentsFile.read(outThenIn, day).developments()).extracting(Development::title)
                .containsExactly(clash.title());
    }

    @Test
    void shouldRefuseAnEmptyWindow() {
        assertThatThrownBy(() -> new Window(Demo.T0, Demo.T0)).hasMessageContaining("is not before its end");
    }
}

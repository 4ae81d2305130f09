package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.cli.KaraulCli;
import picocli.CommandLine;

/**
 * {@code karaul loadtest} for a short time at a low rate on its embedded broker, processor and alerts in JVMs of their
 * own: the report has every stage with measured latencies, every fed item classified, both saturation figures, and an
 * audit of the whole raw and classified topics that found every raw record classified exactly once.
 */
class LoadtestIT {
    private static final Pattern STAGE = Pattern.compile("^\\s+(\\S+ -> [a-z ]+?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void shouldMeasureEveryStageAndClassifyEveryItemFed() throws Exception {
        assumeTrue(Files.isRegularFile(LoadtestCommand.home().resolve(LoadtestCommand.CORPUS)),
                "the load test's default items need the project's corpus at " + LoadtestCommand.CORPUS);
        Path report = dir.resolve("report.txt");
        StringWriter err = new StringWriter();
        CommandLine cli = KaraulCli.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("loadtest", "--rate", "50", "--duration", "15s", "--warmup", "500", "--saturate", "1000", "--dir",
                dir.resolve("work").toString(), "--report", report.toString(), "--drain-limit", "2m");

        assertThat(code).as(err.toString()).isZero();
        String text = Files.readString(report);
        Matcher fed = Pattern.compile("Steady feed: (\\d+) items written .*?; classified (\\d+), relevant (\\d+)").matcher(text);
        assertThat(fed.find()).as(text).isTrue();
        assertThat(Integer.parseInt(fed.group(1))).isBetween(700, 760);
        assertThat(fed.group(2)).as("classified = fed").isEqualTo(fed.group(1));
        assertThat(Integer.parseInt(fed.group(3))).isPositive();

        List<String> stages = new ArrayList<>();
        Matcher stage = STAGE.matcher(text);
        while (stage.find()) {
            stages.add(stage.group(1));
            assertThat(Integer.parseInt(stage.group(2))).as(stage.group(1) + " count").isPositive();
            assertThat(Long.parseLong(stage.group(6))).as(stage.group(1) + " max").isGreaterThanOrEqualTo(Long.parseLong(stage.group(3)));
        }
        assertThat(stages).containsExactly("raw -> classified", "classified -> development", "development -> alert",
                "raw -> development", "raw -> alert", "raw -> alert readable");
        assertThat(text).containsPattern("processor \\(classify\\)\\s+[\\d,]+ items/s  \\(1000 items in \\d+ ms\\)")
                .containsPattern("pass-through exactly_once_v2\\s+[\\d,]+ items/s  \\(1000 items in \\d+ ms\\)")
                .containsPattern("ratio processor / pass-through: \\d\\.\\d\\d")
                .containsPattern("\\n  processor\\s+[1-9]\\d*\\s")
                .containsPattern("\\n  alerts\\s+[1-9]\\d*\\s")
                .contains("every raw record came out of the classify stage exactly once")
                .containsPattern("raw records (\\d+) with \\1 distinct ids; classified records \\1\\n")
                .doesNotContain("not seen classified or dead-lettered");
    }
}

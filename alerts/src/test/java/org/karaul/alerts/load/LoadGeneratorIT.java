package org.karaul.alerts.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run of the load generator through the real services: raw items in, alerts out. Bigger runs for the
 * figures in ALERTS.md: {@code -Dkaraul.load.stories=160 -Dkaraul.load.rate=20}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LoadGeneratorIT {
    @TempDir
    Path dir;

    @Test
    void shouldAlertOnDevelopmentsFarLessOftenThanOncePerItemAndMeasureLatency() throws Exception {
        Path devSet = Path.of(System.getProperty("karaul.shared.dir", "../shared"), "eval", "dev.jsonl");
        assumeTrue(Files.isReadable(devSet), "needs the labelled set at " + devSet);
        int stories = Integer.getInteger("karaul.load.stories", 40);
        int rate = Integer.getInteger("karaul.load.rate", 25);

        LoadGenerator.Report report = LoadGenerator.run(KafkaBrokerExtension.bootstrapServers(), dir, devSet, stories, rate);
        System.out.println("LOAD " + report);

        assertThat(report.items()).isGreaterThan(stories);
        assertThat(report.relevant()).isPositive();
        assertThat(report.alerts()).isPositive().isLessThan(report.perItemAlerts());
        assertThat(report.latencySamples()).isEqualTo(report.alerts());
        assertThat(report.p50Ms()).isPositive();
    }
}

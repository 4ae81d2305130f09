package org.karaul.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.MonitorClassifier;

/**
 * Guards the accuracy on the shared development set ({@code shared/eval/dev.jsonl}, a sibling of the
 * project root) with thresholds a little under the measured figures, so a regression fails the build.
 * Skipped when the shared folder is not there.
 */
class DevSetAccuracyTest {

    static Optional<Path> devSet() {
        String configured = System.getProperty("karaul.shared.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "eval", "dev.jsonl"))) {
            return Optional.of(Path.of(configured, "eval", "dev.jsonl"));
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("eval").resolve("dev.jsonl");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void devSetStaysAboveTheAgreedFigures() throws Exception {
        Optional<Path> dev = devSet();
        Assumptions.assumeTrue(dev.isPresent(),
                "shared/eval/dev.jsonl not found beside the project root (or -Dkaraul.shared.dir); dev-set accuracy not checked");
        Scorecard card;
        try (MonitorClassifier classifier = Classifiers.load(null)) {
            card = EvalCommand.score(classifier, JsonLines.read(dev.get()));
        }
        assertThat(card.items).isEqualTo(160);
        assertThat(card.micro.f1()).as("category micro-F1").isGreaterThanOrEqualTo(0.97);
        assertThat(card.relevance.precision()).as("relevance precision").isGreaterThanOrEqualTo(0.97);
        assertThat(card.relevance.recall()).as("relevance recall").isGreaterThanOrEqualTo(0.97);
        assertThat(card.countries.f1()).as("country F1").isGreaterThanOrEqualTo(0.94);
        assertThat(card.groups.f1()).as("group F1").isGreaterThanOrEqualTo(0.97);
        assertThat(card.severityAccuracy()).as("severity accuracy").isGreaterThanOrEqualTo(0.95);
    }
}

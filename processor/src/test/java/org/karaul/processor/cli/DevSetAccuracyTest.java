package org.karaul.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.processor.testing.SharedFolder;

/**
 * Guards the accuracy on the shared development set ({@code shared/eval/dev.jsonl}, a sibling of the
 * project root) with thresholds a little under the measured figures, so a regression fails the build.
 * Skipped when the shared folder is not there.
 */
class DevSetAccuracyTest {

    @Test
    void devSetStaysAboveTheAgreedFigures() throws Exception {
        Path dev = SharedFolder.require("eval/dev.jsonl");
        Scorecard card;
        try (TaxonomyClassifier classifier = Classifiers.load(null)) {
            card = EvalCommand.score(classifier, JsonLines.read(dev));
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

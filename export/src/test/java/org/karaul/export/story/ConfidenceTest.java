package org.karaul.export.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.karaul.contract.SourceRef;
import org.junit.jupiter.api.Test;

class ConfidenceTest {
    private static SourceRef src(String grade) {
        return new SourceRef("s" + grade, "https://example.org/" + grade, grade);
    }

    @Test
    void shouldFollowTheDocumentedFormula() {
        assertThat(Confidence.of(List.of(src("B")), 1)).isEqualTo(75);
        // B and C from two owners: 1 - 0.25 * 0.40
        assertThat(Confidence.of(List.of(src("C"), src("B")), 2)).isEqualTo(90);
        // three ungraded owners: 1 - 0.7^3
        assertThat(Confidence.of(List.of(src(null), src(null), src(null)), 3)).isEqualTo(66);
        assertThat(Confidence.of(List.of(src("E")), 1)).isEqualTo(20);
    }

    @Test
    void shouldCountOnlyIndependentOwners() {
        // three outlets of one owner count once: the best grade
        assertThat(Confidence.of(List.of(src("D"), src("B"), src("C")), 1)).isEqualTo(75);
        // no sources listed but two owners: ungraded stand-ins
        assertThat(Confidence.of(List.of(), 2)).isEqualTo(51);
    }

    @Test
    void shouldCapWhatAnExportClaims() {
        assertThat(Confidence.of(List.of(src("A"), src("A"), src("A")), 3)).isEqualTo(Confidence.CAP);
    }

    @Test
    void shouldMapToTheAdmiraltyCredibilityScale() {
        assertThat(Confidence.credibility(95)).isEqualTo(1);
        assertThat(Confidence.credibility(75)).isEqualTo(2);
        assertThat(Confidence.credibility(66)).isEqualTo(3);
        assertThat(Confidence.credibility(30)).isEqualTo(4);
        assertThat(Confidence.credibility(20)).isEqualTo(5);
        assertThat(Confidence.bestGrade(List.of(src("C"), src(null), src("b")))).isEqualTo("B");
        assertThat(Confidence.bestGrade(List.of(src(null)))).isNull();
    }
}

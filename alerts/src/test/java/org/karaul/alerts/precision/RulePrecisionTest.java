package org.karaul.alerts.precision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.Triage;
import org.karaul.contract.TriageMark;
import org.junit.jupiter.api.Test;

class RulePrecisionTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static AlertEvent alert(String dev, String rule, String category, String title, String term) {
        CategoryLabel label = new CategoryLabel(category, Severity.HIGH, 0.9, List.of(new Evidence("title", 0, term.length(), term)));
        return AlertEvent.of(new Alert("a-" + dev + "-" + rule, "opened", dev, title, "summary", Severity.HIGH,
                List.of(category), List.of("KG"), List.of(), List.of(), List.of(label), T0, T0,
                new Lineage("2026.12.3", rule, List.of()), T0, 1, 1, List.of(), null));
    }

    private static Triage mark(String dev, TriageMark m, String note, int minute) {
        return new Triage(dev, m, m == TriageMark.DUPLICATE ? "d0" : null, note, "aigul", T0.plusSeconds(60L * minute),
                List.of(), null);
    }

    @Test
    void shouldCountEachDevelopmentsLatestMarkForItsRulesWorstFirstWithTheFalseAlarms() {
        RulePrecision p = new RulePrecision();
        p.alert(alert("d1", "border.high", "border.incident", "Clash at the Batken border", "clash"));
        p.alert(alert("d2", "border.high", "border.incident", "A migration rally in Bishkek", "migrant"));
        p.alert(alert("d3", "border.high", "border.incident", "Border post shelled", "shelled"));
        p.alert(alert("d4", "drugs.any", "trafficking.drugs", "Heroin seized at Osh", "heroin"));
        p.alert(alert("d4", "drugs.any", "trafficking.drugs", "Heroin seized at Osh, 3 held", "heroin"));
        p.mark(mark("d1", TriageMark.FALSE_POSITIVE, null, 1));
        p.mark(mark("d1", TriageMark.CONFIRMED, "checked", 2));          // a later mark replaces the first
        p.mark(mark("d2", TriageMark.FALSE_POSITIVE, "politics, not a threat", 3));
        p.mark(mark("d3", TriageMark.DUPLICATE, null, 4));
        p.mark(mark("d4", TriageMark.HANDLED, null, 5));

        List<Judged> rules = p.byRule();
        assertThat(rules).extracting(Judged::name).containsExactly("border.high", "drugs.any");
        Judged border = rules.get(0);
        assertThat(border.alerts()).isEqualTo(3);
        assertThat(border.developments()).isEqualTo(3);
        assertThat(border.confirmed()).isEqualTo(1);
        assertThat(border.falsePositive()).isEqualTo(1);
        assertThat(border.duplicate()).isEqualTo(1);
        assertThat(border.precision()).isEqualTo(0.5);
        assertThat(border.falseAlarms()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("A migration rally in Bishkek");
            assertThat(e.terms()).containsExactly("migrant");
            assertThat(e.note()).isEqualTo("politics, not a threat");
        });
        Judged drugs = rules.get(1);
        assertThat(drugs.alerts()).isEqualTo(2);
        assertThat(drugs.developments()).isEqualTo(1);
        assertThat(drugs.precision()).as("handled counts as right").isEqualTo(1.0);
        assertThat(p.byCategory()).extracting(Judged::name).containsExactly("border.incident", "trafficking.drugs");

        p.cleared("d2");
        assertThat(p.byRule().get(0).falsePositive()).isZero();
    }

    @Test
    void shouldGiveTheWilsonIntervalAndNoPrecisionWithoutMarks() {
        Judged eightOfTen = new Judged("r", 10, 10, 8, 0, 2, 0, List.of());
        assertThat(eightOfTen.interval()[0]).isCloseTo(0.490, within(0.001));
        assertThat(eightOfTen.interval()[1]).isCloseTo(0.943, within(0.001));
        Judged none = new Judged("r", 3, 3, 0, 0, 0, 0, List.of());
        assertThat(none.precision()).isNaN();
        assertThat(none.interval()).containsExactly(0, 1);
        assertThat(none.row()).endsWith(" -");
    }

    @Test
    void shouldUseTheRuleAMarkRecordedWhenItsAlertHasAgedOut() {
        RulePrecision p = new RulePrecision();
        p.mark(new Triage("old", TriageMark.FALSE_POSITIVE, null, null, "aigul", T0, List.of("unrest.protest"), "unrest.any"));
        assertThat(p.byRule()).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("unrest.any");
            assertThat(j.alerts()).isZero();
            assertThat(j.falseAlarms()).singleElement().extracting(Judged.Example::title)
                    .isEqualTo("(alert no longer on the topic)");
        });
        assertThat(p.byCategory()).extracting(Judged::name).containsExactly("unrest.protest");
    }
}

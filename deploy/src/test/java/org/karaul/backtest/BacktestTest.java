package org.karaul.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Development;
import org.karaul.contract.Evidence;
import org.karaul.contract.RawItem;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.alerts.develop.GroupingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest on a recorded stream (the dev set's items and one canary item) with a candidate taxonomy that drops
 * the drug-trafficking category and teaches cyber attacks one new word. The items expected to change are found by
 * classifying each item directly with both taxonomies, apart from the backtest's replay and difference.
 */
class BacktestTest {
    @TempDir
    static Path dir;

    static List<Replay.Positioned> items;
    static Path candidateTaxonomy;
    static Run deployed;
    static Run candidate;
    static Difference difference;

    @BeforeAll
    static void replay() throws Exception {
        assumeTrue(Files.exists(Fixtures.DEV_SET), Fixtures.DEV_SET + " is absent: the backtest tests need the dev set");
        Path stream = Fixtures.stream(dir);
        candidateTaxonomy = Fixtures.candidateTaxonomy(dir);
        items = RawItems.fromFile(stream, new RawItems.Window(null, null), RawItems.reserved(Fixtures.RESERVED)).items();
        GroupingRules grouping = GroupingRules.load(null);
        AlertRules rules = AlertRules.load(null);
        try (TaxonomyClassifier before = Classifiers.load(null); TaxonomyClassifier after = Classifiers.load(candidateTaxonomy)) {
            deployed = new Replay(before, grouping, rules, Duration.ofSeconds(30)).run(items);
            candidate = new Replay(after, grouping, rules, Duration.ofSeconds(30)).run(items);
        }
        difference = Difference.between(deployed, candidate, Map.of());
    }

    @Test
    void exactlyTheItemsWhoseLabelsDifferChange() {
        Set<String> expected = new LinkedHashSet<>();
        try (TaxonomyClassifier before = Classifiers.load(null); TaxonomyClassifier after = Classifiers.load(candidateTaxonomy)) {
            for (Replay.Positioned p : items) {
                RawItem i = p.item();
                Document doc = new Document(i.id(), i.title(), i.text(), i.lang());
                Classification a = before.classify(doc);
                Classification b = after.classify(doc);
                if (a.relevant() != b.relevant() || !ids(a.categories()).equals(ids(b.categories()))) {
                    expected.add(i.id());
                }
            }
        }
        assertThat(difference.labels()).extracting(Difference.LabelChange::itemId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).contains(Fixtures.canary().id()).hasSizeGreaterThan(1);
        for (Difference.LabelChange c : difference.labels()) {
            if (c.itemId().equals(Fixtures.canary().id())) {
                continue;
            }
            // the only other change is the removed category, which goes with the evidence that had fired it
            assertThat(c.removed()).extracting(CategoryLabel::id).contains(Fixtures.REMOVED);
            assertThat(c.removed()).allSatisfy(l -> assertThat(l.evidence()).isNotEmpty());
            assertThat(c.added()).extracting(CategoryLabel::id).doesNotContain(Fixtures.REMOVED);
        }
        Set<String> hadDrugs = deployed.items().values().stream()
                .filter(c -> ids(c.categories()).contains(Fixtures.REMOVED)).map(c -> c.item().id()).collect(Collectors.toSet());
        assertThat(hadDrugs).isNotEmpty().isSubsetOf(expected);
    }

    @Test
    void theCanaryFlipsToRelevantWithItsEvidenceSpan() {
        RawItem canary = Fixtures.canary();
        Difference.LabelChange c = difference.labels().stream().filter(x -> x.itemId().equals(canary.id())).findFirst()
                .orElseThrow();
        assertThat(c.relevantBefore()).isFalse();
        assertThat(c.relevantAfter()).isTrue();
        assertThat(c.removed()).isEmpty();
        assertThat(c.added()).extracting(CategoryLabel::id).containsExactly(Fixtures.GAINER);
        List<Evidence> evidence = c.added().get(0).evidence();
        assertThat(evidence).isNotEmpty().allSatisfy(e -> {
            String field = e.field().equals("title") ? canary.title() : canary.text();
            assertThat(field.substring(e.start(), e.end())).isEqualToIgnoringCase(Fixtures.CANARY);
        });
    }

    @Test
    void alertsOnTheRemovedCategoryAreLostAndTheCanaryAlertIsGained() {
        String canaryDevelopment = "dev-" + Fixtures.canary().id().substring(0, 20);
        assertThat(difference.developments().gained()).extracting(Difference.DevelopmentRef::id).contains(canaryDevelopment);
        assertThat(difference.alerts().gained()).filteredOn(a -> a.developmentId().equals(canaryDevelopment))
                .extracting(Difference.AlertRef::type).containsExactly("opened");

        String seizureDevelopment = "dev-" + Fixtures.seizure().get(0).id().substring(0, 20);
        assertThat(deployed.alerts()).filteredOn(e -> e.data().developmentId().equals(seizureDevelopment))
                .extracting(e -> e.data().categories()).containsExactly(List.of(Fixtures.REMOVED));
        assertThat(difference.alerts().lost()).extracting(Difference.AlertRef::developmentId).contains(seizureDevelopment);
        assertThat(difference.developments().lost()).extracting(Difference.DevelopmentRef::id).contains(seizureDevelopment);
        assertThat(candidate.alerts()).allSatisfy(e -> assertThat(e.data().categories()).doesNotContain(Fixtures.REMOVED));
        // every alert lost had the removed category; every alert without it is still raised, unless the candidate
        // regrouped its development
        assertThat(difference.alerts().lost()).isNotEmpty().allSatisfy(a -> assertThat(
                deployed.developments().get(a.developmentId()).categories()).contains(Fixtures.REMOVED));
        Set<String> lostKeys = difference.alerts().lost().stream().map(Difference.AlertRef::key).collect(Collectors.toSet());
        for (AlertEvent e : deployed.alerts()) {
            Development d = deployed.developments().get(e.data().developmentId());
            if (!d.categories().contains(Fixtures.REMOVED)) {
                assertThat(lostKeys).doesNotContain(Difference.AlertRef.of(e.data()).key());
            }
        }
        assertThat(difference.alerts().candidate() - difference.alerts().deployed())
                .isEqualTo(difference.alerts().gained().size() - difference.alerts().lost().size());
    }

    @Test
    void countsPerCategoryAndRuleFollowTheRuns() {
        Difference.Counts drugs = difference.categories().get(Fixtures.REMOVED);
        assertThat(drugs.candidate()).isZero();
        assertThat(drugs.deployed()).isEqualTo((int) deployed.items().values().stream()
                .filter(c -> ids(c.categories()).contains(Fixtures.REMOVED)).count());
        Difference.Counts cyber = difference.categories().get(Fixtures.GAINER);
        assertThat(cyber.candidate()).isGreaterThan(cyber.deployed());
        int perRule = difference.rules().values().stream().mapToInt(Difference.Counts::candidate).sum();
        assertThat(perRule).isEqualTo(candidate.alerts().size());
    }

    private static Set<String> ids(List<CategoryLabel> labels) {
        return labels.stream().map(CategoryLabel::id).collect(Collectors.toSet());
    }
}

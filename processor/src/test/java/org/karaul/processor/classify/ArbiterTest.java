package org.karaul.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karaul.processor.learn.CategoryModel;
import org.karaul.processor.taxonomy.CategoryRule;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;

/**
 * The model as arbiter among the categories the rules passed: it orders them, the taxonomy's yields and the cap
 * apply in its order, and a second label it finds unlikely is dropped. A model with biases only gives every item
 * the same probabilities, so each case states what the model believes.
 */
class ArbiterTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.bundled();
    private static final Document DOC = new Document("a1", "", "Пограничники сообщили о стрельбе.", "ru");

    /** A model that believes category {@code i} with probability {@code p[i]}, whatever the words. */
    private static CategoryModel believing(List<String> categories, double... p) {
        double[] bias = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            bias[i] = Math.log(p[i] / (1 - p[i]));
        }
        return new CategoryModel(categories, bias, Map.of());
    }

    private static CategoryScore passed(String id, double rank) {
        CategoryRule rule = TAXONOMY.categories().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        return new CategoryScore(rule, rank, rank, List.of());
    }

    private static List<String> arbitrate(CategoryModel model, SecondOpinion.Arbiter arbiter, CategoryScore... ranked) {
        SecondOpinion opinion = new SecondOpinion(model, TAXONOMY, SecondOpinion.ALONE, SecondOpinion.BESIDE, arbiter);
        return opinion.arbitrate(opinion.read(DOC, "ru"), List.of(ranked)).stream().map(s -> s.rule().id()).toList();
    }

    @Test
    void theYieldsApplyInTheModelsOrder() {
        // terrorism.attack yields to border.incursion when the incursion comes first: an attack on a border post
        CategoryModel incursionFirst = believing(List.of("terrorism.attack", "border.incursion"), 0.5, 0.8);
        CategoryScore attack = passed("terrorism.attack", 4);
        CategoryScore incursion = passed("border.incursion", 3);
        assertThat(arbitrate(incursionFirst, SecondOpinion.Arbiter.NONE, attack, incursion))
                .containsExactly("terrorism.attack", "border.incursion");
        assertThat(arbitrate(incursionFirst, new SecondOpinion.Arbiter(SecondOpinion.Order.MODEL, 0), attack, incursion))
                .containsExactly("border.incursion");
    }

    @Test
    void aSecondLabelTheModelFindsUnlikelyIsDroppedAndALikelyOneStays() {
        List<String> ids = List.of("terrorism.plot_disrupted", "extremism.recruitment", "terrorism.financing");
        CategoryScore plot = passed("terrorism.plot_disrupted", 5);
        CategoryScore recruitment = passed("extremism.recruitment", 3);
        SecondOpinion.Arbiter keepAbove = new SecondOpinion.Arbiter(SecondOpinion.Order.RULES, 0.02);
        assertThat(arbitrate(believing(ids, 0.9, 0.01, 0.5), keepAbove, plot, recruitment)).containsExactly("terrorism.plot_disrupted");
        assertThat(arbitrate(believing(ids, 0.9, 0.4, 0.5), keepAbove, plot, recruitment))
                .containsExactly("terrorism.plot_disrupted", "extremism.recruitment");
        // a lone label is never dropped, however unlikely
        assertThat(arbitrate(believing(ids, 0.001, 0.001, 0.5), keepAbove, plot)).containsExactly("terrorism.plot_disrupted");
        // a second label the rules are sure of (score at least sureScore thresholds) stays whatever the model says
        SecondOpinion.Arbiter guarded = new SecondOpinion.Arbiter(SecondOpinion.Order.RULES, 0.02, 1.5);
        double threshold = recruitment.rule().threshold();
        assertThat(arbitrate(believing(ids, 0.9, 0.01, 0.5), guarded, plot, passed("extremism.recruitment", 1.5 * threshold)))
                .containsExactly("terrorism.plot_disrupted", "extremism.recruitment");
        assertThat(arbitrate(believing(ids, 0.9, 0.01, 0.5), guarded, plot, passed("extremism.recruitment", 1.2 * threshold)))
                .containsExactly("terrorism.plot_disrupted");
    }

    @Test
    void theModelsOrderPicksTheTwoLikeliestOfThreeAndTheCapHolds() {
        List<String> ids = List.of("terrorism.plot_disrupted", "extremism.recruitment", "terrorism.financing");
        CategoryModel model = believing(ids, 0.6, 0.1, 0.9);
        List<String> got = arbitrate(model, new SecondOpinion.Arbiter(SecondOpinion.Order.MODEL, 0.02),
                passed("terrorism.plot_disrupted", 5), passed("extremism.recruitment", 4), passed("terrorism.financing", 3));
        assertThat(got).containsExactly("terrorism.financing", "terrorism.plot_disrupted");
        assertThat(arbitrate(model, SecondOpinion.Arbiter.NONE,
                passed("terrorism.plot_disrupted", 5), passed("extremism.recruitment", 4), passed("terrorism.financing", 3)))
                .containsExactly("terrorism.plot_disrupted", "extremism.recruitment");
    }
}

package org.karaul.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karaul.contract.CategoryLabel;
import org.karaul.processor.engine.Span;
import org.karaul.processor.testing.BundledClassifier;

class StoryWeightTest {
    private final StoryWeight weight = new StoryWeight(400, 2, 100);

    @Test
    void evidenceInTheTitleOrTheLeadCarriesTheStory() {
        assertThat(weight.carries(List.of(new Span("title", 0, 6), new Span("text", 5000, 5010)))).isTrue();
        assertThat(weight.carries(List.of(new Span("text", 399, 405)))).isTrue();
    }

    @Test
    void oneMentionDeepInTheBodyIsPassingAndTwoPlacesApartAreNot() {
        assertThat(weight.carries(List.of(new Span("text", 400, 406)))).isFalse();
        assertThat(weight.carries(List.of(new Span("text", 900, 906), new Span("text", 950, 960)))).as("one sentence").isFalse();
        assertThat(weight.carries(List.of(new Span("text", 900, 906), new Span("text", 1000, 1010)))).isTrue();
    }

    @Test
    void switchedOffEveryCategoryCarries() {
        assertThat(StoryWeight.OFF.carries(List.of(new Span("text", 100_000, 100_006)))).isTrue();
    }

    @Test
    void aDrugNamedOnceInALongArticleAboutSomethingElseIsNoDrugStory() {
        String filler = "Депутаты обсудили бюджет Бишкека на следующий год, расходы на школы, дороги и больницы города. ".repeat(6);
        String mention = "Отдельно мэр упомянул, что в прошлом году в Бишкеке изъяли героин. ";
        Classification passing = BundledClassifier.classify("Бюджет Бишкека", filler + mention + filler, "ru");
        Classification lead = BundledClassifier.classify("Бюджет Бишкека", mention + filler + filler, "ru");
        assertThat(passing.categories()).extracting(CategoryLabel::id).doesNotContain("trafficking.drugs");
        assertThat(lead.categories()).extracting(CategoryLabel::id).contains("trafficking.drugs");
    }
}

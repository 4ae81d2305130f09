package org.karaul.processor.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.contract.Evidence;

class CategoryModelTest {
    private final CategoryModel model = new CategoryModel(List.of("trafficking.drugs", "cyber.attack"), new double[] {-2, -2},
            Map.of("гашиш", new float[] {3.0f, -1.0f}, "хакер", new float[] {-0.5f, 3.5f}, "изъял", new float[] {0.8f, 0.0f}));

    @Test
    void probabilitiesAddTheWeightsOfTheWordsPresentToTheBias() {
        Map<String, Double> p = model.probabilities(Set.of("гашиш", "изъял", "незнакомое"));
        assertThat(p.get("trafficking.drugs")).isCloseTo(1 / (1 + Math.exp(-1.8)), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.get("cyber.attack")).isLessThan(0.1);
        assertThat(model.probabilities(Set.of()).get("trafficking.drugs")).isLessThan(0.2);
    }

    @Test
    void contributorsAreThePresentWordsThatRaiseTheCategoryStrongestFirst() {
        assertThat(model.contributors("trafficking.drugs", Set.of("изъял", "гашиш", "хакер"), 3)).containsExactly("гашиш", "изъял");
        assertThat(model.contributors("cyber.attack", Set.of("гашиш"), 3)).isEmpty();
        assertThat(model.contributors("no.such", Set.of("гашиш"), 3)).isEmpty();
    }

    @Test
    void theTableReadsBackAsWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.tsv.gz");
        model.write(file, 0.0);
        CategoryModel back = CategoryModel.read(Files.newInputStream(file));
        assertThat(back.probabilities(Set.of("гашиш", "хакер"))).isEqualTo(model.probabilities(Set.of("гашиш", "хакер")));
    }

    @Test
    void theBundledModelCoversEveryCategoryAndFeaturesQuoteTheText() {
        CategoryModel bundled = CategoryModel.bundled();
        assertThat(bundled).isNotNull();
        assertThat(bundled.probabilities(Set.of("героин"))).hasSize(20);
        String text = "В Оше изъяли 12 килограммов гашиша.";
        Map<String, Evidence> words = new Features().of("", text, "ru");
        assertThat(words).isNotEmpty();
        words.values().forEach(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.term()));
    }

    @Test
    void wordPairsJoinAdjacentWordsOnlyWhenAskedAndQuoteBothWords() {
        String text = "Border guards seized heroin near the river.";
        Map<String, Evidence> single = new Features().of("", text, "en");
        Map<String, Evidence> pairs = new Features(true).of("", text, "en");
        assertThat(single.keySet()).noneMatch(f -> f.contains(Features.PAIR));
        assertThat(pairs.keySet()).containsAll(single.keySet());
        List<String> joined = pairs.keySet().stream().filter(f -> f.contains(Features.PAIR)).toList();
        assertThat(joined).isNotEmpty().allSatisfy(f -> assertThat(f.split(Features.PAIR)).hasSize(2));
        Evidence first = pairs.get(joined.get(0));
        assertThat(first.term()).isEqualTo(text.substring(first.start(), first.end())).contains(" ");
        assertThat(model.usesPairs()).isFalse();
        assertThat(new CategoryModel(List.of("trafficking.drugs"), new double[] {0}, Map.of("seiz heroin", new float[] {1f})).usesPairs()).isTrue();
    }
}

package org.karaul.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.karaul.contract.CategoryLabel;
import org.karaul.processor.taxonomy.ContractIds;
import org.karaul.processor.testing.BundledClassifier;

/**
 * Hand-written examples, a positive and a near-miss negative per category in English and Russian,
 * about other events and places than the dev set; items carry no {@code lang}, so detection runs too.
 */
class CategoryExamplesTest {
    private static final String FILE = "/examples/category-examples.jsonl";
    private final TaxonomyClassifier classifier = BundledClassifier.get();


    static Stream<Arguments> examples() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode n : read()) {
            out.add(Arguments.of(n.get("id").asText(), n));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void labelsThePositiveAndSparesTheNearMiss(String id, JsonNode example) {
        Classification c = classifier.classify(new Document(id, example.get("title").asText(), example.get("text").asText(), null));
        List<String> labels = c.categories().stream().map(CategoryLabel::id).toList();
        for (JsonNode expected : example.path("expect")) {
            assertThat(c.relevant()).as("%s relevant", id).isTrue();
            assertThat(labels).as("%s labels", id).contains(expected.asText());
        }
        for (JsonNode rejected : example.path("reject")) {
            assertThat(labels).as("%s labels", id).doesNotContain(rejected.asText());
        }
        assertThat(c.taxonomyVersion()).isEqualTo(classifier.taxonomyVersion());
    }

    @Test
    void everyCategoryHasAPositiveAndANearMissInBothLanguages() throws IOException {
        for (String category : ContractIds.CATEGORIES) {
            for (String key : List.of("expect", "reject")) {
                long en = 0;
                long ru = 0;
                for (JsonNode n : read()) {
                    boolean hit = false;
                    for (JsonNode c : n.path(key)) {
                        hit |= c.asText().equals(category);
                    }
                    if (hit) {
                        boolean cyrillic = n.get("title").asText().chars().anyMatch(ch -> ch >= 0x400 && ch <= 0x4FF);
                        en += cyrillic ? 0 : 1;
                        ru += cyrillic ? 1 : 0;
                    }
                }
                assertThat(en).as("%s %s in English", category, key).isPositive();
                assertThat(ru).as("%s %s in Russian", category, key).isPositive();
            }
        }
    }

    private static List<JsonNode> read() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CategoryExamplesTest.class.getResourceAsStream(FILE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(mapper.readTree(line));
                }
            }
        }
        return out;
    }
}

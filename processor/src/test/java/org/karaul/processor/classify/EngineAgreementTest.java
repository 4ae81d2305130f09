package org.karaul.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karaul.processor.cli.Item;
import org.karaul.processor.cli.JsonLines;
import org.karaul.processor.engine.RuleKey;
import org.karaul.processor.engine.Span;
import org.karaul.processor.testing.NewsCorpora;
import org.karaul.processor.testing.SharedFolder;

/**
 * The compiled rule index must fire exactly the rules Lucene Monitor fires, with the same spans:
 * on the dev set and on several thousand real news texts in Russian, English and other languages.
 */
class EngineAgreementTest {
    private static TaxonomyClassifier index;
    private static TaxonomyClassifier monitor;

    @BeforeAll
    static void load() {
        index = Classifiers.load(null, TaxonomyClassifier.Engine.INDEX);
        monitor = Classifiers.load(null, TaxonomyClassifier.Engine.MONITOR);
    }

    @AfterAll
    static void close() {
        index.close();
        monitor.close();
    }

    @Test
    void bothEnginesFireTheSameRulesOnTheDevSet() throws Exception {
        Path dev = SharedFolder.require("eval/dev.jsonl");
        List<Document> docs = new ArrayList<>();
        for (Item item : JsonLines.read(dev)) {
            docs.add(item.document());
        }
        assertAgree(docs);
    }

    @Test
    void bothEnginesFireTheSameRulesOnRealNews() {
        List<Document> docs = NewsCorpora.all();
        Assumptions.assumeTrue(!docs.isEmpty(), "shared/data news corpora not found (see shared/data/SOURCES.md); skipping");
        assertAgree(docs);
    }

    private static void assertAgree(List<Document> docs) {
        List<String> differences = new ArrayList<>();
        int fired = 0;
        for (Document doc : docs) {
            Map<RuleKey, List<Span>> fast = index.match(doc).asMap();
            Map<RuleKey, List<Span>> reference = monitor.match(doc).asMap();
            fired += reference.size();
            if (!fast.equals(reference)) {
                differences.add(doc.id() + ": index " + diff(fast, reference) + " / monitor " + diff(reference, fast));
            }
        }
        assertThat(fired).as("rules fired on %d documents", docs.size()).isGreaterThan(docs.size() / 10);
        assertThat(differences).as("documents where the engines differ, of %d", docs.size()).isEmpty();
    }

    /** What {@code a} has that {@code b} has not. */
    private static Map<RuleKey, List<Span>> diff(Map<RuleKey, List<Span>> a, Map<RuleKey, List<Span>> b) {
        Map<RuleKey, List<Span>> out = new java.util.LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!v.equals(b.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }
}

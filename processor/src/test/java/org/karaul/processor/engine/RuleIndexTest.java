package org.karaul.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karaul.processor.taxonomy.Matcher;

/**
 * The rule index against Lucene Monitor on hand-made edge cases, without the shared corpora: every
 * kind of rule (word, phrase, prefix, acronym, proximity, gazetteer name) over text that tests the
 * word splitting (apostrophes, dotted abbreviations, numbers, hyphens, soft hyphens, ideographs,
 * emoji, very long words, title and text boundaries).
 */
class RuleIndexTest {
    private static RuleBook book;
    private static RuleIndex index;
    private static RuleMonitor monitor;

    private static final List<String> TEXTS = List.of(
            "Police in Farg'ona detained the Taliban's envoy; Fargʻona police said so.",
            "The U.S. embassy in Tashkent said 1,000 people and 3.5 tonnes were involved.",
            "Пограничники Таджикистана задержали контрабандистов в Джалал-Абадской области.",
            "В Бишкеке задержаны члены ячейки ИГИЛ*, готовившие теракт; ИГ взял ответственность.",
            "IS claimed it. The word is not an acronym here, but IS is.",
            "Militants massed near the border; the camp was 5 km from the border crossing.",
            "тер\u00ADрор and 恐怖 attack 🙂 attack in Osh",
            "A" + "b".repeat(300) + " attack near the border",
            "border",
            "");

    @BeforeAll
    static void build() {
        book = new RuleBook();
        add(RuleKey.Kind.SIGNAL, "words", "any", List.of("detained", "attack"), List.of(), 0);
        add(RuleKey.Kind.SIGNAL, "phrases", "any", List.of("border crossing", "terror attack", "Джалал-Абад"), List.of(), 0);
        add(RuleKey.Kind.SIGNAL, "prefix", "ru", List.of("задерж*", "контрабанд*"), List.of(), 0);
        add(RuleKey.Kind.SIGNAL, "acronym", "any", List.of("=IS", "=ИГ", "ИГИЛ"), List.of(), 0);
        add(RuleKey.Kind.SIGNAL, "near", "en", List.of("militants", "camp"), List.of("border"), 4);
        add(RuleKey.Kind.SIGNAL, "numbers", "en", List.of("1,000", "3.5", "U.S"), List.of(), 0);
        add(RuleKey.Kind.PLACE, "place", "any", List.of("Fargona", "Tashkent", "Бишкек", "Таджикистан", "Osh"), List.of(), 0);
        index = new RuleIndex(book);
        monitor = new RuleMonitor(book);
    }

    private static void add(RuleKey.Kind kind, String name, String lang, List<String> terms, List<String> near, int within) {
        book.add(new RuleKey(kind, name, 0, lang), new Matcher(terms, near, within, lang));
    }

    @AfterAll
    static void close() {
        monitor.close();
        index.close();
    }

    @Test
    void bothEnginesFireTheSameRulesWithTheSameSpans() {
        int fired = 0;
        for (String text : TEXTS) {
            for (String lang : List.of("en", "ru")) {
                for (String title : List.of("", "Attack near the border")) {
                    Map<RuleKey, List<Span>> fast = index.match(title, text, lang).asMap();
                    assertThat(fast).as("'%s' / '%s' as %s", title, text, lang)
                            .isEqualTo(monitor.match(title, text, lang).asMap());
                    fired += fast.size();
                }
            }
        }
        assertThat(fired).isGreaterThan(40);
    }

    @Test
    void aPhraseIsOneSpanAndAProximityRuleNeedsBothSidesWithinReach() {
        MatchResult near = index.match("", "Militants massed near the border.", "en");
        assertThat(near.spans(new RuleKey(RuleKey.Kind.SIGNAL, "near", 0, "en")))
                .containsExactly(new Span("text", 0, 9), new Span("text", 26, 32));
        MatchResult far = index.match("", "Militants massed in the hills, far from any road or the border.", "en");
        assertThat(far.has(new RuleKey(RuleKey.Kind.SIGNAL, "near", 0, "en"))).isFalse();
        MatchResult phrase = index.match("", "at the border crossing", "en");
        assertThat(phrase.spans(new RuleKey(RuleKey.Kind.SIGNAL, "phrases", 0, "any"))).containsExactly(new Span("text", 7, 22));
    }

    @Test
    void aPhraseNeverRunsFromTheTitleIntoTheText() {
        MatchResult split = index.match("Trouble at the border", "crossing closed", "en");
        assertThat(split.has(new RuleKey(RuleKey.Kind.SIGNAL, "phrases", 0, "any"))).isFalse();
    }

    @Test
    void russianRulesOnlyRunOnRussianItems() {
        String text = "Пограничники задержали контрабандистов.";
        assertThat(index.match("", text, "ru").has(new RuleKey(RuleKey.Kind.SIGNAL, "prefix", 0, "ru"))).isTrue();
        assertThat(index.match("", text, "en").has(new RuleKey(RuleKey.Kind.SIGNAL, "prefix", 0, "ru"))).isFalse();
    }
}

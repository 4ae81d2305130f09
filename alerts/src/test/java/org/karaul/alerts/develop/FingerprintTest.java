package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private final Map<String, String> equivalents = GroupingRules.load(null).equivalents();

    private double similarity(String a, String b) {
        return Fingerprint.similarity(Fingerprint.signature(Fingerprint.tokens(a, equivalents)),
                Fingerprint.signature(Fingerprint.tokens(b, equivalents)));
    }

    @Test
    void shouldTransliterateStemAndMapEquivalentsAcrossLanguages() {
        Set<String> ru = Fingerprint.tokens("Перестрелка на границе в Баткене, 2 погибли", equivalents);
        Set<String> en = Fingerprint.tokens("Shootout on the border in Batken, 2 killed", equivalents);
        assertThat(ru).contains("shoot", "borde", "batke", "2", "kille");
        assertThat(en).contains("shoot", "borde", "batke", "2", "kille");
    }

    @Test
    void shouldRateCopiesHighTranslationsMediumAndOtherStoriesLow() {
        String en = "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed in Batken region";
        String copy = "UPDATE: Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed in Batken";
        String ru = "На кыргызско-таджикской границе в Баткенской области произошла перестрелка, погиб военнослужащий";
        String other = "Uzbek cotton harvest beats forecast as prices rise on world markets";
        assertThat(similarity(en, copy)).isGreaterThan(0.6);
        assertThat(similarity(en, ru)).isBetween(0.2, 0.9);
        assertThat(similarity(en, other)).isLessThan(0.08);
    }

    @Test
    void shouldMatchNothingWithAnEmptyText() {
        assertThat(similarity("", "")).isZero();
    }
}

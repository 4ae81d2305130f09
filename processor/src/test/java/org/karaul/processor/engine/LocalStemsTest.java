package org.karaul.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The stems stacked for Kazakh (Hunspell dictionary, both scripts) and Tajik (suffix rules with the final ӣ), and the
 * other-script readings stacked for Uzbek.
 */
class LocalStemsTest {

    @Test
    void theKazakhDictionaryIsShippedAndGivesRealStems() {
        assertThat(HunspellStems.kazakhAvailable()).as("/hunspell/kk_KZ.aff and .dic on the class path").isTrue();
        HunspellStems kk = HunspellStems.of("kk");
        assertThat(kk.stems("жарылысқа")).contains("жарылыс");
        assertThat(kk.stems("полицейлер")).contains("полицей");
        assertThat(kk.stems("шабуылдады")).contains("шабуылдау");
        // a base form is its own stem: nothing new to stack
        assertThat(kk.stems("жарылыс")).isEmpty();
        // a word the dictionary does not know gives nothing (the suffix rules still apply to it)
        assertThat(kk.stems("qwertyuiop")).isEmpty();
    }

    @Test
    void kazakhLatinWordsGetTheStemsOfTheirCyrillicReading() {
        HunspellStems kk = HunspellStems.of("kk");
        assertThat(kk.stems("jarylysqa")).contains("жарылыс");
        assertThat(kk.stems("qazaqstanda")).contains("қазақстан");
        // 2018 letters (á ǵ ń ó ú) read as 2018, 2021 letters (ä ğ ı ñ ö ş ū ü) as 2021
        assertThat(KazakhLatin.toCyrillic("şabuyl")).containsExactly("шабуыл");
        assertThat(KazakhLatin.toCyrillic("ústaldy")).containsExactly("үсталды");
        assertThat(KazakhLatin.toCyrillic("ustaldy")).containsExactly("усталды", "ұсталды");
        assertThat(KazakhLatin.toCyrillic("x-ray")).isEmpty();
    }

    @Test
    void kazakhLatinOf2018ReadsItsDotlessIAndDigraphs() {
        // 2018: ı is И/Й, i is І, sh and ch are Ш and Ч; 2021: ı is І, i is И/Й; either is Й after a vowel
        assertThat(KazakhLatin.toCyrillic("qylmyshtyq")).containsExactly("қылмыштық");
        assertThat(KazakhLatin.toCyrillic("qaýipsizdik")).containsExactly("қауіпсіздік");
        assertThat(KazakhLatin.toCyrillic("polıtsııa")).isNotEmpty();
        assertThat(KazakhLatin.toCyrillic("baılanys")).containsExactly("баіланыс", "байланыс");
        assertThat(KazakhLatin.toCyrillic("baiqau")).first().isEqualTo("байқау");
        assertThat(KazakhLatin.toCyrillic("qauıpsızdık")).first().isEqualTo("қауіпсіздік");
        // a 2021 word keeps its one reading: ş is a letter, not a digraph
        assertThat(KazakhLatin.toCyrillic("şabuyl")).containsExactly("шабуыл");
        assertThat(HunspellStems.of("kk").stems("shabýyldady")).contains("шабуылдау");
    }

    @Test
    void kazakhLatinOf2018IsAlsoReadIn2021Spelling() {
        assertThat(KazakhLatin.to2021("esirtki")).isEqualTo("esırtkı");
        assertThat(KazakhLatin.to2021("qylmyshtyq")).isEqualTo("qylmyştyq");
        assertThat(KazakhLatin.to2021("qaýipsizdik")).isEqualTo("qauıpsızdık");
        assertThat(KazakhLatin.to2021("polıtsııa")).isEqualTo("politsiia");
        // a 2021 word, or one spelt alike in both, has no other reading
        assertThat(KazakhLatin.to2021("şabuyl")).isNull();
        assertThat(KazakhLatin.to2021("qazaqstan")).isNull();
        assertThat(OtherScript.of("kk").readings("esirtki", false)).containsExactly("esırtkı");
        assertThat(OtherScript.of("kk").readings("есірткі", true)).isEmpty();
        assertThat(OtherScript.of("ky")).isNull();
    }

    @Test
    void onlyKazakhHasDictionaryStems() {
        assertThat(HunspellStems.of("uz")).isNull();
        assertThat(HunspellStems.of("ky")).isNull();
        assertThat(HunspellStems.of("ru")).isNull();
        assertThat(HunspellStems.of(null)).isNull();
    }

    @Test
    void kazakhDocumentsCarryDictionaryStemsBesideTheSuffixStems() {
        KaraulAnalyzer kazakh = KaraulAnalyzer.forDocuments(Set.of(), "kk");
        KaraulAnalyzer kyrgyz = KaraulAnalyzer.forDocuments(Set.of(), "ky");
        // ұстады (detained) reaches the dictionary form ұстау, which no ending rule gives
        assertThat(tokens(kazakh, "ұстады")).contains("ұстау");
        assertThat(tokens(kyrgyz, "ұстады")).doesNotContain("ұстау");
        assertThat(tokens(kazakh, "jarylysqa")).contains("jarylysqa", "жарылыс");
    }

    @Test
    void uzbekWordsAreReadInTheOtherScript() {
        assertThat(UzbekScript.toLatin("ҳужумда")).isEqualTo("hujumda");
        assertThat(UzbekScript.toLatin("қўлга")).isEqualTo("qolga");
        assertThat(UzbekScript.toLatin("ерда")).isEqualTo("yerda");
        assertThat(UzbekScript.toLatin("шаҳрида")).isEqualTo("shahrida");
        assertThat(UzbekScript.toCyrillic("terrorizmga")).isEqualTo("терроризмга");
        assertThat(UzbekScript.toCyrillic("militsiya")).isEqualTo("милиция");
        assertThat(UzbekScript.toCyrillic("ekstremistik")).isEqualTo("экстремистик");
        assertThat(UzbekScript.toCyrillic("chegarachilar")).isEqualTo("чегарачилар");
        assertThat(UzbekScript.toCyrillic("x-ray1")).isNull();
        assertThat(UzbekScript.toLatin("ʼабв")).isNull();
    }

    @Test
    void uzbekDocumentsReachTheTermsOfBothScripts() {
        KaraulAnalyzer uzbek = KaraulAnalyzer.forDocuments(Set.of(), "uz");
        KaraulAnalyzer kazakh = KaraulAnalyzer.forDocuments(Set.of(), "kk");
        // a Latin word reaches the Russian loan and its stem; a Cyrillic word the Latin term without its ending
        assertThat(tokens(uzbek, "terrorizmga")).contains("terrorizmga", "терроризм");
        assertThat(tokens(uzbek, "ҳужумда")).contains("hujumda", "hujum");
        // other languages and the model's features read the word as written
        assertThat(tokens(kazakh, "terrorizmga")).doesNotContain("терроризм");
        assertThat(tokens(KaraulAnalyzer.forFeatures("uz"), "terrorizmga")).doesNotContain("терроризм");
    }

    @Test
    void tajikStemsGetTheirFinalIBack() {
        SuffixStripper tg = SuffixStripper.of("tg");
        assertThat(tg.stems("фавриро")).contains("фаври", "фаврӣ");
        assertThat(tg.stems("низомиён")).contains("низоми", "низомӣ");
        assertThat(SuffixStripper.of("ky").stems("кишилерди")).noneMatch(s -> s.endsWith("ӣ"));
    }

    @Test
    void theInstrumentalAndTheUzbekTerminativeComeOff() {
        assertThat(SuffixStripper.of("kk").stems("шекарашылармен")).contains("шекарашылар", "шекарашы");
        assertThat(SuffixStripper.of("kk").stems("polisiamen")).contains("polisia");
        assertThat(SuffixStripper.of("ky").stems("аскерлерменен")).contains("аскерлер", "аскер");
        assertThat(SuffixStripper.of("uz").stems("chegaragacha")).contains("chegara");
        assertThat(SuffixStripper.of("uz").stems("чегарагача")).contains("чегара");
        // never below three letters: «мен» is the word "I", not an ending
        assertThat(SuffixStripper.of("kk").stems("мен")).isEmpty();
    }

    @Test
    void theKazakhLatinFrontVowelEndingsComeOff() {
        SuffixStripper kk = SuffixStripper.of("kk");
        // the 2021 alphabet writes і as ı, so its front-vowel endings are -degı, -nı, -nıñ, -sı
        assertThat(kk.stems("şymkenttegı")).contains("şymkent");
        assertThat(kk.stems("küdıktını")).contains("küdıktı");
        assertThat(kk.stems("ükımetınıñ")).contains("ükımetı");
        // an informal Latin writes the back-vowel dative -ğa with a plain g
        assertThat(kk.stems("almatyga")).contains("almaty");
    }

    @Test
    void aLongerEndingThatEatsTheStemsLastLetterKeepsTheShorterReadingToo() {
        SuffixStripper kk = SuffixStripper.of("kk");
        // -нда is the locative after a possessive (облысы-нда), -да after a stem ending in н (Ауғанстан-да)
        assertThat(kk.stems("облысында")).contains("облысы", "облыс");
        assertThat(kk.stems("ауғанстанда")).contains("ауғанстан");
        assertThat(kk.stems("өскеменде")).contains("өскемен");
        assertThat(kk.stems("жаңаөзендегі")).contains("жаңаөзен");
        assertThat(kk.stems("öskemendegı")).contains("öskemen");
        // -ті (accusative after a voiceless consonant) or the possessive -і of a stem ending in т
        assertThat(kk.stems("үкіметі")).contains("үкімет");
        assertThat(kk.stems("ükımetınıñ")).contains("ükımet");
        // a word with no such twin gets only its one stem per ending
        assertThat(SuffixStripper.of("uz").stems("toshkentda")).containsExactly("toshkent");
    }

    private static List<String> tokens(KaraulAnalyzer analyzer, String text) {
        List<String> all = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                all.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return all;
    }
}

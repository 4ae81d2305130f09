package org.karaul.processor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Light stemming for the Central Asian languages that no kept stemmer covers: Kazakh, Kyrgyz and
 * Uzbek (Turkic, both scripts where they are written in both) and Tajik (Persian). All four inflect
 * by suffixes, so a word's stem is found by taking off its inflectional endings from the right:
 * case (Бишкек-те, Toshkent-da, Душанбе-ро, полиция-мен, Toshkent-gacha), plural (баңгизат-тар, -lar, -ҳо), possessive (-сы,
 * -si, -аш) and the Tajik ezafe (-и; a Tajik stem left ending in и also gets its final ӣ back), at most {@value #ROUNDS} endings, longest first, never leaving
 * fewer than {@value #MIN_STEM} letters. The stem is stacked next to the word's other forms, so a
 * rule or place name written in its base form matches its inflected forms; a stem can be too short
 * (an ending that is part of the root), which only adds a form, never removes one.
 *
 * <p>The lists are the standard grammar-book endings with their vowel-harmony variants; derivational
 * suffixes (-чы, -lik, -чӣ) are left on, as they change the meaning. Stateless and thread-safe.
 */
final class SuffixStripper {
    static final int ROUNDS = 3;
    static final int MIN_STEM = 3;

    private static final Map<String, SuffixStripper> BY_LANGUAGE = Map.of(
            "ky", new SuffixStripper(
                    // case: locative, ablative, dative, genitive, accusative
                    "да де та те до дө то тө дан ден тан тен дон дөн тон төн нан нен нон нөн "
                    + "га ге ка ке го гө ко кө на не а е "
                    + "нын нин дын дин тын тин нун нүн дун дүн тун түн "
                    + "ны ни ды ди ты ти ну нү ду дү ту тү н "
                    // plural, possessive (3rd person and the 1st/2nd plural), adjective -гы/-даги
                    + "лар лер дар дер тар тер лор лөр дор дөр тор төр "
                    + "сы си су сү ы и у ү ыбыз ибиз "
                    + "дагы деги тагы теги догу дөгү тогу төгү "
                    // instrumental ("with", "by"): Бишкек-менен, ок-дары-менен
                    + "менен бенен пенен"),
            "kk", new SuffixStripper(
                    "да де та те нда нде дан ден тан тен нан нен ндан нден "
                    + "ға ге қа ке на не а е на "
                    + "ның нің дың дің тың тің "
                    + "ны ні ды ді ты ті н "
                    + "лар лер дар дер тар тер "
                    + "сы сі ы і "
                    + "дағы дегі тағы тегі ндағы ндегі "
                    // instrumental ("with", "by"): полиция-мен, қару-мен, шекарашылар-мен
                    + "мен бен пен "
                    // the Latin alphabets (2021, with 2018's ǵ ń)
                    + "da de ta te nda nde dan den tan ten nan nen ndan nden ğa ǵa ge qa ke na ne "
                    + "nyñ niñ dyñ diñ tyñ tiñ nyń niń dyń diń tyń tiń ny ni dy di ty ti "
                    + "lar ler dar der tar ter sy si y i "
                    + "dağy degi tağy tegi ndağy ndegi daǵy taǵy men ben pen "
                    // the 2021 alphabet's front-vowel forms (і is ı there: Şymkenttegı, küdıktını, ükımetınıñ) and
                    // the dative an informal Latin writes with a plain g (Almatyga)
                    + "nıñ dıñ tıñ nı dı tı sı ı degı tegı ndegı ga"),
            "uz", new SuffixStripper(
                    "da dan ga ka qa ning ni dagi lar lari larni larning larga larda lardan "
                    + "si i imiz ingiz gacha "
                    + "да дан га ка қа нинг ни даги лар лари ларни ларнинг ларга ларда лардан "
                    + "си и имиз ингиз гача"),
            "tg", new SuffixStripper(
                    // plural, object marker, ezafe and indefinite, possessive pronouns
                    "ҳо ҳои ҳоро ҳоям ҳоят ҳояш он ён гон ро и ӣ е "
                    + "ам ат аш амон атон ашон ям ят яш ямон ятон яшон", true));

    private final String[] suffixes;
    private final Set<String> suffixSet;
    /** Tajik writes a word's final ӣ as и before an ending (низомӣ, низомиён; фаврӣ, фавриро), so a stem ending in и also gets its ӣ form. */
    private final boolean finalI;

    private SuffixStripper(String suffixes) {
        this(suffixes, false);
    }

    private SuffixStripper(String suffixes, boolean finalI) {
        this.finalI = finalI;
        this.suffixes = Arrays.stream(suffixes.split(" "))
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toArray(String[]::new);
        this.suffixSet = Set.of(this.suffixes);
    }

    /** The stripper for a rule language, or null for languages with a kept stemmer (English, Russian). */
    static SuffixStripper of(String lang) {
        return lang == null ? null : BY_LANGUAGE.get(lang.toLowerCase(Locale.ROOT));
    }

    /**
     * The lower-cased word's stems, one per ending taken off, shortest last (баңгизаттары:
     * баңгизаттар, баңгизат); empty when no ending applies.
     */
    List<String> stems(String word) {
        List<String> out = new ArrayList<>(ROUNDS + 2);
        String stem = word;
        for (int round = 0; round < ROUNDS; round++) {
            String suffix = longestSuffix(stem);
            if (suffix == null) {
                break;
            }
            String twin = shorterTwin(stem, suffix);
            stem = stem.substring(0, stem.length() - suffix.length());
            add(out, stem);
            if (twin != null) {
                add(out, twin);
            }
        }
        return out;
    }

    private void add(List<String> out, String stem) {
        out.add(stem);
        if (finalI && stem.endsWith("и")) {
            out.add(stem.substring(0, stem.length() - 1) + "ӣ");
        }
    }

    /**
     * The stem that keeps the ending's first letter when the ending less that letter is an ending too: the longest
     * ending can eat the stem's last letter, as Kazakh -нда (облысы-нда) does Ауғанстан-да, Өскемен-де, Жаңаөзен-дегі, and
     * -ті (кітап-ті) does үкімет-і; both stems are kept, the extra one a prefix of the word, so it reaches no prefix
     * term the word does not. Null when the ending has no such shorter twin or the stem would be too short.
     */
    private String shorterTwin(String word, String suffix) {
        if (suffix.length() < 2 || !suffixSet.contains(suffix.substring(1))) {
            return null;
        }
        return word.substring(0, word.length() - suffix.length() + 1);
    }

    private String longestSuffix(String word) {
        for (String s : suffixes) {
            if (word.length() - s.length() >= MIN_STEM && word.endsWith(s)) {
                return s;
            }
        }
        return null;
    }
}

package org.karaul.processor.engine;

import java.util.List;
import java.util.Locale;

/**
 * The readings of an Uzbek word in the other script ({@link UzbekScript}), stacked beside the word
 * ({@link WordForms}) so the lexicon terms, place names and Russian loans written in one script reach a document
 * written in the other. Kazakh Latin words were read into Cyrillic the same way ({@link KazakhLatin}) and the
 * readings dropped: the tuning fold did not move and the frozen Kazakh Latin items lost a label (CLASSIFIER.md,
 * seventh round); Kazakh Latin keeps the Cyrillic dictionary stems of {@link HunspellStems}.
 * {@code -Dkaraul.readings.off=true} switches the readings off (for ablations).
 */
final class OtherScript {
    private static final OtherScript UZBEK = new OtherScript();

    private OtherScript() {
    }

    /** The readings for documents in {@code lang}: Uzbek only; null for other languages or when switched off. */
    static OtherScript of(String lang) {
        if (lang == null || Boolean.getBoolean("karaul.readings.off") || !"uz".equals(lang.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return UZBEK;
    }

    /** The lower-cased word's reading in the other script; empty when it has none. */
    List<String> readings(String word, boolean cyrillic) {
        String reading = cyrillic ? UzbekScript.toLatin(word) : UzbekScript.toCyrillic(word);
        return reading == null || reading.length() < 3 ? List.of() : List.of(reading);
    }
}

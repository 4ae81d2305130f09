package org.karaul.processor.engine;

import java.util.List;
import java.util.Locale;

/**
 * The readings of a word in the other script or spelling of its language, stacked beside the word
 * ({@link WordForms}) so the lexicon terms, place names and Russian loans written one way reach a document written the
 * other: an Uzbek word in the other script ({@link UzbekScript}); a Kazakh Latin word of the 2018 alphabet in the 2021
 * one, which the lexicons use ({@link KazakhLatin#to2021}). Kazakh Latin words were once read into Cyrillic the same
 * way and the readings dropped: the tuning fold did not move and the frozen Kazakh Latin items lost a label
 * (CLASSIFIER.md, seventh round); Kazakh Latin keeps the Cyrillic dictionary stems of {@link HunspellStems}.
 * {@code -Dkaraul.readings.off=true} switches the readings off (for ablations).
 */
final class OtherScript {
    private static final OtherScript UZBEK = new OtherScript(true);
    private static final OtherScript KAZAKH = new OtherScript(false);
    private final boolean uzbek;

    private OtherScript(boolean uzbek) {
        this.uzbek = uzbek;
    }

    /** The readings for documents in {@code lang}: Uzbek and Kazakh only; null for other languages or when switched off. */
    static OtherScript of(String lang) {
        if (lang == null || Boolean.getBoolean("karaul.readings.off")) {
            return null;
        }
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "uz" -> UZBEK;
            case "kk" -> KAZAKH;
            default -> null;
        };
    }

    /** The lower-cased word's reading in the other script or spelling; empty when it has none. */
    List<String> readings(String word, boolean cyrillic) {
        String reading;
        if (uzbek) {
            reading = cyrillic ? UzbekScript.toLatin(word) : UzbekScript.toCyrillic(word);
        } else {
            reading = cyrillic ? null : KazakhLatin.to2021(word);
        }
        return reading == null || reading.length() < 3 ? List.of() : List.of(reading);
    }
}

package org.karaul.processor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Kazakh stems from a Hunspell dictionary (Lucene's {@code org.apache.lucene.analysis.hunspell}), added
 * beside the {@link SuffixStripper}'s: the dictionary knows which endings a word really takes, so
 * {@code ұстады} gives {@code ұстау}, {@code жарылысқа} gives {@code жарылыс}, and it leaves alone a
 * word whose last letters only look like an ending. The dictionary is the Kazakh one of OpenOffice and
 * Debian's {@code hunspell-kk} (Cyrillic; see {@code /hunspell/README.md} for its origin and licence),
 * shipped in the jar; without it (or with {@code /usr/share/hunspell/kk_KZ.*} missing too) Kazakh is
 * read with the suffix rules alone. Latin-script words are read into Cyrillic first ({@link KazakhLatin})
 * and their Cyrillic stems stacked, so the Cyrillic terms and the Russian loans reach them.
 *
 * <p>Uzbek has no such source: Debian's {@code hunspell-uz} is a list of 97,000 inflected Cyrillic word
 * forms with an empty affix file, so Hunspell can only say a word exists, never what its stem is.
 *
 * <p>The dictionary (about 2 s to load) is read once, on the first Kazakh document, and shared; each
 * instance holds its own {@link Hunspell}, so an instance is not thread-safe (like {@link WordForms}).
 */
final class HunspellStems {
    private static final int MIN_STEM = 3;
    private static final String[] PLACES = {"/hunspell/", "/usr/share/hunspell/"};
    private final Hunspell hunspell;

    private HunspellStems(Dictionary dictionary) {
        this.hunspell = new Hunspell(dictionary);
    }

    /** Stems for documents in {@code lang}: Kazakh only, and null when no dictionary can be read or the stems are switched off. */
    static HunspellStems of(String lang) {
        if (lang == null || !"kk".equals(lang.toLowerCase(Locale.ROOT)) || Boolean.getBoolean("karaul.hunspell.off")) {
            return null;
        }
        Dictionary d = Kazakh.DICTIONARY;
        return d == null ? null : new HunspellStems(d);
    }

    /** Whether the Kazakh dictionary was found (in the jar or under /usr/share/hunspell). */
    static boolean kazakhAvailable() {
        return Kazakh.DICTIONARY != null;
    }

    /**
     * The dictionary stems of one lower-cased word other than the word itself, in Cyrillic; for a
     * Latin word, the stems of its Cyrillic readings (the reading itself when it is a dictionary word).
     */
    List<String> stems(String word) {
        List<String> out = new ArrayList<>(2);
        if (isCyrillic(word)) {
            addRoots(word, word, out);
        } else {
            for (String reading : KazakhLatin.toCyrillic(word)) {
                addRoots(reading, null, out);
                if (!out.isEmpty()) {
                    break;
                }
            }
        }
        return out;
    }

    private void addRoots(String word, String skip, List<String> out) {
        for (String root : hunspell.getRoots(word)) {
            String r = root.toLowerCase(Locale.ROOT);
            if (r.length() >= MIN_STEM && !r.equals(skip) && !out.contains(r)) {
                out.add(r);
            }
        }
    }

    private static boolean isCyrillic(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') {
                return true;
            }
        }
        return false;
    }

    /** Loaded on first use. */
    private static final class Kazakh {
        static final Dictionary DICTIONARY = load("kk_KZ");
    }

    private static Dictionary load(String name) {
        for (String place : PLACES) {
            try (InputStream aff = open(place + name + ".aff"); InputStream dic = open(place + name + ".dic")) {
                if (aff != null && dic != null) {
                    return new Dictionary(new ByteBuffersDirectory(), "hunspell", aff, dic);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading Hunspell dictionary " + place + name, e);
            } catch (ParseException e) {
                throw new IllegalStateException("Hunspell dictionary " + place + name + " is malformed at line "
                        + e.getErrorOffset() + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("/hunspell/")) {
            return HunspellStems.class.getResourceAsStream(location);
        }
        Path p = Path.of(location);
        return Files.isReadable(p) ? Files.newInputStream(p) : null;
    }
}

package org.karaul.processor.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.karaul.contract.PlaceRef;

/**
 * Resolves a place name as written in a document («Оше», "Osh", «Ӯш», «Баткенской») to its {@link Site}: by the
 * name itself, or else by the longest known name it starts with, leaving at most {@value #MAX_ENDING} letters of case
 * ending or adjective suffix. It runs only on a name the gazetteer matched as a place of that country, so it only has
 * to tell which of the country's places the name is. A name two sites share resolves to the first one listed (the hand-placed sites of
 * {@code places.yaml} come first, then the generated ones, the larger place first). One map look-up per prefix tried:
 * it runs only on names the gazetteer already matched.
 */
public final class Sites {
    /** Letters a written form may add to a known name: Russian and Turkic case endings, «-ская», «-ской». */
    static final int MAX_ENDING = 5;
    /** Letters of the shortest name a longer written form is tried against (Ош in «Оше»). */
    static final int MIN_NAME = 2;
    private static final Sites NONE = new Sites(List.of());
    private final List<Site> all;
    private final Map<String, PlaceRef> byName = new HashMap<>();

    public Sites(List<Site> sites) {
        this.all = List.copyOf(sites);
        for (Site s : all) {
            for (String n : s.names()) {
                byName.putIfAbsent(key(n), s.place());
            }
        }
    }

    public static Sites none() {
        return NONE;
    }

    public List<Site> all() {
        return all;
    }

    /** The site {@code surface} names in {@code country}, if one is known. */
    public Optional<PlaceRef> resolve(String surface, String country) {
        String k = key(surface);
        int floor = Math.min(k.length(), Math.max(MIN_NAME, k.length() - MAX_ENDING));
        for (int end = k.length(); end >= floor; end--) {
            PlaceRef p = byName.get(k.substring(0, end));
            if (p != null && k.substring(end).chars().allMatch(Character::isLetter)) {
                return p.country().equals(country) ? Optional.of(p) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Lower case, apostrophes and soft signs of transliteration dropped, ё as е, hyphens and spaces as one space. */
    static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '\'' || c == '’' || c == 'ʻ' || c == 'ʼ' || c == '‘') {
                continue;
            }
            if (c == '-' || Character.isWhitespace(c)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
                continue;
            }
            b.append(c == 'ё' ? 'е' : c);
        }
        return b.toString().strip();
    }

    /** The sites of both lists, {@code first}'s before {@code then}'s. */
    static Sites concat(List<Site> first, List<Site> then) {
        List<Site> out = new ArrayList<>(first);
        out.addAll(then);
        return new Sites(out);
    }
}

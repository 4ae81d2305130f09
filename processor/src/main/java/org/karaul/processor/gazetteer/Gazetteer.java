package org.karaul.processor.gazetteer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups and places the classifier resolves names against.
 *
 * @param groups          organisations with aliases
 * @param places          places with aliases
 * @param regionCountries countries that put an item in scope by themselves (KZ KG TJ TM UZ AF)
 * @param notPlaces       per document language, the lower-case words that look like a place name
 *                        but are common words there (Kyrgyz «караганда», "according to", is not
 *                        Karaganda); a word ending in {@code *} covers every word it starts; the words under
 *                        {@value #ANY_LANGUAGE} hold in every language but only as written, in lower case
 * @param homeCountries   per local document language, the country its press writes about (ky: KG): a relevant
 *                        report in that language that names no place is placed there
 * @param sites           where the towns, regions and districts the places name lie: data carried beside the
 *                        matching, for maps
 * @param authorityCues   words that tell an authority's report from its act ({@link #REPORTS}: right after its name,
 *                        "Taliban officials said"; {@link #BACKGROUND}: right before it, "despite the Taliban's ban"), and words that
 *                        make any group's name an emblem rather than an actor ({@link #EMBLEM}: "shouted IS slogans"),
 *                        or an authority's name the attacker ({@link #PERPETRATOR}: "Taliban militants"), matched with the rules
 */
public record Gazetteer(List<Group> groups, List<Place> places, Set<String> regionCountries, Map<String, List<String>> notPlaces,
        Map<String, String> homeCountries, Sites sites, Map<String, List<String>> authorityCues) {
    /** The {@code not_places} key whose words hold in every language, for a word written in lower case only. */
    public static final String ANY_LANGUAGE = "any";
    /** The {@code authority_cues} key of the words after an authority's name that make it the source of a report. */
    public static final String REPORTS = "reports";
    /** The {@code authority_cues} key of the words before an authority's name that make it background or a source. */
    public static final String BACKGROUND = "background";
    /** The {@code authority_cues} key of the words beside any group's name that make it an emblem: slogans, flags, material. */
    public static final String EMBLEM = "emblem";
    /** The {@code authority_cues} key of the words beside an authority's name that make it the attacker ("Taliban militants"). */
    public static final String PERPETRATOR = "perpetrator";

    public Gazetteer {
        groups = List.copyOf(groups);
        places = List.copyOf(places);
        regionCountries = Set.copyOf(regionCountries);
        notPlaces = Map.copyOf(notPlaces);
        homeCountries = Map.copyOf(homeCountries);
        sites = sites == null ? Sites.none() : sites;
        authorityCues = Map.copyOf(authorityCues);
    }

    /** A gazetteer that knows no place's coordinates and no authority cues. */
    public Gazetteer(List<Group> groups, List<Place> places, Set<String> regionCountries, Map<String, List<String>> notPlaces,
            Map<String, String> homeCountries) {
        this(groups, places, regionCountries, notPlaces, homeCountries, Sites.none(), Map.of());
    }

    /** Whether {@code surface}, a place name as written in a document in {@code lang}, is a common word there. */
    public boolean isCommonWord(String lang, String surface) {
        return listed(notPlaces.get(lang), surface.toLowerCase(Locale.ROOT)) || listed(notPlaces.get(ANY_LANGUAGE), surface);
    }

    private static boolean listed(List<String> words, String w) {
        if (words == null) {
            return false;
        }
        for (String guard : words) {
            if (guard.endsWith("*") ? w.startsWith(guard.substring(0, guard.length() - 1)) : w.equals(guard)) {
                return true;
            }
        }
        return false;
    }
}

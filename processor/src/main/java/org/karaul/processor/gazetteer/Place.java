package org.karaul.processor.gazetteer;

import java.util.List;
import java.util.Locale;

/**
 * A named place, or a phrase that locates an event, resolving to one or more countries.
 *
 * @param name        display name
 * @param countries   ISO 3166-1 alpha-2 codes (two for a border section, e.g. KG and TJ)
 * @param kind        {@code country}, {@code place} (region, city, district, crossing), {@code border} or {@code institution}
 *                    (a state's own body or its forces, named without the country: «Жогорку Кенеш», "Tajik border guards")
 * @param aliases     Latin, Cyrillic and transliterated forms
 * @param capitalised whether a name counts only when written with a capital first letter (the generated
 *                    GeoNames entries: a lower-case «сары» is "yellow", not the village), and not in capitals
 *                    throughout (an acronym)
 * @param lang        the documents the names are read in: {@code any}, {@code local} (Kazakh, Kyrgyz, Uzbek, Tajik) or
 *                    one rule language; the world's countries in the local languages are {@code local}, since their
 *                    Kazakh and Kyrgyz names are often the Russian ones («Германия») and Russian reports are not theirs
 */
public record Place(String name, List<String> countries, String kind, List<String> aliases, boolean capitalised, String lang) {
    public Place {
        countries = List.copyOf(countries);
        aliases = List.copyOf(aliases);
    }

    /** A place whose names are read in documents of every language. */
    public Place(String name, List<String> countries, String kind, List<String> aliases, boolean capitalised) {
        this(name, countries, kind, aliases, capitalised, "any");
    }

    /** A hand-written place: any capitalisation counts. */
    public Place(String name, List<String> countries, String kind, List<String> aliases) {
        this(name, countries, kind, aliases, false);
    }

    /** Whether {@code surface}, this place's name as written in a document, counts as the place. */
    public boolean accepts(String surface) {
        if (!capitalised) {
            return true;
        }
        // capitalised, and not an acronym in capitals (РУДН is a university, not Рудный)
        return !surface.isEmpty() && Character.isUpperCase(surface.codePointAt(0))
                && (surface.codePoints().filter(Character::isLetter).count() < 2 || !surface.equals(surface.toUpperCase(Locale.ROOT)));
    }
}

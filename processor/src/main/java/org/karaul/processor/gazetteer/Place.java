package org.karaul.processor.gazetteer;

import java.util.List;

/**
 * A named place, or a phrase that locates an event, resolving to one or more countries.
 *
 * @param name      display name
 * @param countries ISO 3166-1 alpha-2 codes (two for a border section, e.g. KG and TJ)
 * @param kind      {@code country}, {@code place} (region, city, district, crossing) or {@code border}
 * @param aliases   Latin, Cyrillic and transliterated forms
 */
public record Place(String name, List<String> countries, String kind, List<String> aliases) {
    public Place {
        countries = List.copyOf(countries);
        aliases = List.copyOf(aliases);
    }
}

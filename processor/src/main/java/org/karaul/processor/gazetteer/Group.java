package org.karaul.processor.gazetteer;

import java.util.List;

/**
 * A militant or extremist organisation.
 *
 * @param id      canonical id from the contract, e.g. {@code iskp}
 * @param name    display name
 * @param aliases names, abbreviations and transliterations; {@code =IS} matches upper case only
 */
public record Group(String id, String name, List<String> aliases) {
    public Group {
        aliases = List.copyOf(aliases);
    }
}

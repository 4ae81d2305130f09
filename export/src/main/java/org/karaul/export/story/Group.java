package org.karaul.export.story;

import java.util.List;

/**
 * A named group as the taxonomy lists it.
 *
 * @param id      canonical id, as developments carry it ({@code isis})
 * @param name    the name the press uses most ({@code Islamic State})
 * @param aliases other names, in the taxonomy's order, without its match markers
 */
public record Group(String id, String name, List<String> aliases) {
    public Group {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}

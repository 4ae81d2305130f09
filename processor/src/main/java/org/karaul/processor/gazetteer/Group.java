package org.karaul.processor.gazetteer;

import java.util.List;

/**
 * A militant or extremist organisation.
 *
 * @param id        canonical id from the contract, e.g. {@code iskp}
 * @param name      display name
 * @param aliases   names, abbreviations and transliterations; {@code =IS} matches upper case only
 * @param partOf    the id of the organisation this one is a branch of ({@code iskp} of {@code isis}), or null: when
 *                  both are named, the branch is the one that acts and the parent is background
 * @param authority whether the organisation governs a territory (the Taliban): named beside another organisation,
 *                  it is the authority that reports, pursues or is attacked, not the actor
 * @param home      the ISO alpha-2 country the organisation is based in ({@code AF} for ISKP), or null: an item on its
 *                  threats, claims or moves is also about its base (the contract's country rule for a group's threat)
 */
public record Group(String id, String name, List<String> aliases, String partOf, boolean authority, String home) {
    public Group {
        aliases = List.copyOf(aliases);
    }

    /** A group that is neither a branch nor an authority, with no home country. */
    public Group(String id, String name, List<String> aliases) {
        this(id, name, aliases, null, false, null);
    }
}

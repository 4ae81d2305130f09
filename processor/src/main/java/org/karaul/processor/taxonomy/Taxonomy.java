package org.karaul.processor.taxonomy;

import java.util.List;
import java.util.Map;
import org.karaul.processor.gazetteer.Gazetteer;

/**
 * A loaded, validated taxonomy: the rules of every category and the shared cues.
 *
 * @param version    taxonomy version written on every classification
 * @param contexts   named matcher sets that categories may require (e.g. {@code militants})
 * @param categories category rules in file order
 * @param cues       item-level cues: {@code casualties}, {@code in_progress}, {@code negated}, {@code region}, {@code off_topic}, {@code passing}, {@code crossing},
 *                   {@code passing_before} (the passing cue read the other way: places named right before it),
 *                   {@code home_body} (a state body, a regional link when no place outside the region is named),
 *                   and those of the groups gazetteer's {@code authority_cues} ({@link #AUTHORITY_CUE_PREFIX})
 * @param gazetteer  groups and places
 */
public record Taxonomy(
        String version,
        Map<String, List<Matcher>> contexts,
        List<CategoryRule> categories,
        Map<String, List<Matcher>> cues,
        Gazetteer gazetteer) {

    /** Built-in context that holds when any gazetteer group is named. */
    public static final String ANY_GROUP = "any_group";

    /** Prefix of the cues the groups gazetteer adds ({@code authority_reports}, {@code authority_background}). */
    public static final String AUTHORITY_CUE_PREFIX = "authority_";

    /** Cue names every taxonomy defines. */
    public static final List<String> CUES = List.of(
            "casualties", "in_progress", "negated", "region", "off_topic", "passing", "crossing", "passing_before", "home_body");

    public Taxonomy {
        contexts = Map.copyOf(contexts);
        categories = List.copyOf(categories);
        cues = Map.copyOf(cues);
    }
}

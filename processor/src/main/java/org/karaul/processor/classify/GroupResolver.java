package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karaul.processor.engine.Span;
import org.karaul.processor.gazetteer.Group;

/**
 * Resolves group names that fired to canonical ids. A name inside a longer name of another group
 * is dropped ("Taliban" inside "Tehrik-e Taliban Tajikistan", "IS" inside "IS Khorasan").
 */
final class GroupResolver {

    /** One group name found in the document. */
    record Mention(Group group, Span span) {
    }

    /** Mentions that survive longest-match resolution, in reading order. */
    static List<Mention> resolve(List<Mention> mentions) {
        List<Mention> bySize = new ArrayList<>(mentions);
        bySize.sort(Comparator.comparingInt((Mention m) -> m.span().length()).reversed());
        List<Mention> kept = new ArrayList<>();
        for (Mention m : bySize) {
            boolean inside = kept.stream().anyMatch(k -> k.group() != m.group() && k.span().overlaps(m.span()));
            if (!inside) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparing((Mention m) -> !m.span().field().equals("title"))
                .thenComparingInt(m -> m.span().start()));
        return kept;
    }

    /** Canonical ids in order of first mention. */
    static List<String> ids(List<Mention> mentions) {
        Map<String, Boolean> ids = new LinkedHashMap<>();
        mentions.forEach(m -> ids.put(m.group().id(), true));
        return List.copyOf(ids.keySet());
    }

    private GroupResolver() {
    }
}

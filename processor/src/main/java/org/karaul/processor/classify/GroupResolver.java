package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karaul.processor.engine.Span;
import org.karaul.processor.gazetteer.Group;

/**
 * Resolves group names that fired to canonical ids. A name inside a longer name of another group
 * is dropped ("Taliban" inside "Tehrik-e Taliban Tajikistan", "IS" inside "IS Khorasan"); so are a branch's
 * parent and an authority named beside another group ({@link #ids}).
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

    /**
     * Canonical ids in order of first mention, leaving out the parent of a branch also named ("Islamic State" in an
     * item about its Khorasan branch) and an authority (the Taliban) named beside another organisation: there it is
     * the authority that reports, pursues or is attacked. On the written tuning fold the labels never held both
     * {@code isis} and {@code iskp} (the rule had added {@code isis} 15 times), and held the Taliban beside another
     * group in 12 items where the rules named both in 50.
     */
    static List<String> ids(List<Mention> mentions) {
        Map<String, Group> named = new LinkedHashMap<>();
        mentions.forEach(m -> named.putIfAbsent(m.group().id(), m.group()));
        Set<String> parents = new HashSet<>();
        boolean actor = false;
        for (Group g : named.values()) {
            if (g.partOf() != null) {
                parents.add(g.partOf());
            }
            actor |= !g.authority();
        }
        List<String> out = new ArrayList<>();
        for (Group g : named.values()) {
            if (!parents.contains(g.id()) && !(g.authority() && actor)) {
                out.add(g.id());
            }
        }
        return out;
    }

    private GroupResolver() {
    }
}

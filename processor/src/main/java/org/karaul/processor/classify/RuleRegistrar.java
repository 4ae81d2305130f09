package org.karaul.processor.classify;

import java.util.List;
import java.util.Map;
import org.karaul.processor.engine.RuleBook;
import org.karaul.processor.engine.RuleKey;
import org.karaul.processor.gazetteer.Group;
import org.karaul.processor.gazetteer.Place;
import org.karaul.processor.taxonomy.CategoryRule;
import org.karaul.processor.taxonomy.Matcher;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyException;
import org.karaul.processor.taxonomy.TaxonomyLoader;

/** Puts every rule of a taxonomy in a {@link RuleBook}, keyed so the scorer can find it again. */
final class RuleRegistrar {
    private final RuleBook book = new RuleBook();

    private RuleRegistrar() {
    }

    static RuleBook register(Taxonomy taxonomy) {
        RuleRegistrar r = new RuleRegistrar();
        for (CategoryRule rule : taxonomy.categories()) {
            for (int i = 0; i < rule.signals().size(); i++) {
                Matcher m = rule.signals().get(i).matcher();
                r.add(new RuleKey(RuleKey.Kind.SIGNAL, rule.id(), i, m.lang()), m, "category " + rule.id());
            }
            r.addAll(RuleKey.Kind.EXCLUDE, rule.id(), rule.exclude(), "category " + rule.id());
        }
        for (Map.Entry<String, List<Matcher>> e : taxonomy.contexts().entrySet()) {
            r.addAll(RuleKey.Kind.CONTEXT, e.getKey(), e.getValue(), "contexts." + e.getKey());
        }
        for (Map.Entry<String, List<Matcher>> e : taxonomy.cues().entrySet()) {
            r.addAll(RuleKey.Kind.CUE, e.getKey(), e.getValue(), "cues." + e.getKey());
        }
        List<Group> groups = taxonomy.gazetteer().groups();
        for (int i = 0; i < groups.size(); i++) {
            r.add(new RuleKey(RuleKey.Kind.GROUP, groups.get(i).id(), i, "any"),
                    new Matcher(groups.get(i).aliases(), List.of(), 0, "any"), "group " + groups.get(i).id());
        }
        List<Place> places = taxonomy.gazetteer().places();
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            r.add(new RuleKey(RuleKey.Kind.PLACE, "place", i, place.lang()),
                    new Matcher(place.aliases(), List.of(), 0, place.lang()), "place " + place.name());
        }
        return r.book;
    }

    /** The slots of the {@code kind}/{@code name} matchers, in matcher order. */
    static int[] slots(RuleBook book, RuleKey.Kind kind, String name, List<Matcher> matchers) {
        int[] out = new int[matchers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = book.slot(new RuleKey(kind, name, i, matchers.get(i).lang()));
        }
        return out;
    }

    private void addAll(RuleKey.Kind kind, String name, List<Matcher> matchers, String entry) {
        for (int i = 0; i < matchers.size(); i++) {
            add(new RuleKey(kind, name, i, matchers.get(i).lang()), matchers.get(i), entry);
        }
    }

    private void add(RuleKey key, Matcher matcher, String entry) {
        try {
            book.add(key, matcher);
        } catch (IllegalArgumentException e) {
            throw new TaxonomyException(TaxonomyLoader.TAXONOMY_FILE, entry, e.getMessage(), e);
        }
    }
}
